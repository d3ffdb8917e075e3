package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client JA4 values in the outputs FoxIO's repository ships for its captures
 * (github.com/FoxIO-LLC/ja4, {@code python/test}, {@code rust/ja4/src/snapshots}, {@code wireshark/test}):
 *
 * <ul>
 * <li>python ({@code *.ja4-python.json}): one object per stream, "JA4.1", "JA4_r.1", "JA4_o.1",
 * "JA4_ro.1" for its first ClientHello (".2" would be the next hello of that stream, compared too);</li>
 * <li>rust ({@code *.ja4-rust.snap}, an insta YAML snapshot): {@code ja4: t13d...} per stream;</li>
 * <li>wireshark ({@code *.ja4-wireshark.json}, tshark -T json of the plugin's fields): "ja4.ja4..."
 * fields; the plugin leaves client JA4 to Wireshark itself, so these files hold only JA4+.</li>
 * </ul>
 *
 * JA4+ values (JA4S, JA4X, JA4H, JA4L, JA4T) are not compared: tlswatch does not compute them.
 */
final class FoxioOutputs {
    private static final Pattern INDEXED = Pattern.compile("(.+)\\.(\\d+)");
    private static final Pattern SNAPSHOT_FIELD = Pattern.compile("\\s*(?:-\\s+)?(ja[a-z0-9_]*):\\s*'?([^']*?)'?\\s*");

    private FoxioOutputs() {
    }

    static List<PublishedFingerprint> python(List<JsonLeaves.Leaf> leaves, String where) {
        return ja4Fields(leaves, "foxio-python", field -> {
            Matcher indexed = INDEXED.matcher(field);
            return indexed.matches() ? indexed.group(1) : field;
        }, where);
    }

    static List<PublishedFingerprint> rust(List<String> snapshot, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        for (String line : snapshot) {
            Matcher field = SNAPSHOT_FIELD.matcher(line);
            if (field.matches() && Fingerprint.looksLikeOne(field.group(1))) {
                Fingerprint.ja4Rendering(field.group(1), where)
                        .ifPresent(kind -> out.add(new PublishedFingerprint("foxio-rust", kind, field.group(2))));
            }
        }
        return out;
    }

    static List<PublishedFingerprint> wireshark(List<JsonLeaves.Leaf> leaves, String where) {
        return ja4Fields(leaves, "foxio-wireshark",
                field -> field.startsWith("ja4.") ? field.substring("ja4.".length()) : field, where);
    }

    /** The JA4 renderings among the leaves, each field's name first made FoxIO's plain one by {@code name}. */
    private static List<PublishedFingerprint> ja4Fields(List<JsonLeaves.Leaf> leaves, String source,
                                                        UnaryOperator<String> name, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        for (JsonLeaves.Leaf leaf : JsonLeaves.fingerprintFields(leaves)) {
            Fingerprint.ja4Rendering(name.apply(leaf.field()), where)
                    .ifPresent(kind -> out.add(new PublishedFingerprint(source, kind, leaf.value())));
        }
        return out;
    }
}
