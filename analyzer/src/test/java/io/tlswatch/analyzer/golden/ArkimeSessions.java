package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fingerprints in Arkime's expected session documents ({@code tests/pcap/*.test}, here
 * {@code *.arkime.test.json}): each session's {@code body.tls} object holds arrays {@code ja3},
 * {@code ja3string}, {@code ja3s}, {@code ja3sstring}, {@code ja4}, {@code ja4_r} (with their
 * {@code ...Cnt} counts, which are numbers and not read).
 */
final class ArkimeSessions {
    private static final Map<String, Fingerprint> FIELDS = Map.of(
            "ja3", Fingerprint.JA3,
            "ja3string", Fingerprint.JA3_STRING,
            "ja3s", Fingerprint.JA3S,
            "ja3sstring", Fingerprint.JA3S_STRING,
            "ja4", Fingerprint.JA4,
            "ja4_r", Fingerprint.JA4_R);

    private ArkimeSessions() {
    }

    static List<PublishedFingerprint> fingerprints(List<JsonLeaves.Leaf> leaves, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        for (JsonLeaves.Leaf leaf : JsonLeaves.fingerprintFields(leaves)) {
            Fingerprint kind = FIELDS.get(leaf.field());
            if (kind == null || !leaf.path().endsWith(".tls." + leaf.field() + "[]")) {
                throw new IllegalStateException(where + ": a fingerprint field this test does not know: " + leaf.path());
            }
            out.add(new PublishedFingerprint("arkime", kind, leaf.value()));
        }
        return out;
    }
}
