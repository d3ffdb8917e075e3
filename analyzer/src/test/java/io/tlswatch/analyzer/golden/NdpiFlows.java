package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprints in nDPI's expected ndpiReader outputs ({@code tests/cfgs/default/result/*.out},
 * here {@code *.ndpi.out}): each flow line carries {@code [JA3C: md5]}, {@code [JA4: ...]} and
 * {@code [JA3S: md5]}, the JA3S sometimes followed by nDPI's verdict on the cipher,
 * "(WEAK)" or "(INSECURE)", which is not part of the fingerprint and is dropped.
 */
final class NdpiFlows {
    private static final Pattern TAG = Pattern.compile("\\[(JA[^:\\]]*): ([^\\]]*)\\]");

    private NdpiFlows() {
    }

    static List<PublishedFingerprint> fingerprints(List<String> output, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        for (String line : output) {
            Matcher tag = TAG.matcher(line);
            while (tag.find()) {
                String value = tag.group(2).strip();
                Fingerprint kind = switch (tag.group(1)) {
                    case "JA3C" -> Fingerprint.JA3;
                    case "JA3S" -> Fingerprint.JA3S;
                    case "JA4" -> Fingerprint.JA4;
                    default -> throw new IllegalStateException(
                            where + ": a fingerprint field this test does not know: " + tag.group(1));
                };
                int verdict = value.indexOf(' ');
                out.add(new PublishedFingerprint("ndpi", kind, verdict < 0 ? value : value.substring(0, verdict)));
            }
        }
        return out;
    }
}
