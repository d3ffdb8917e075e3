package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value in golden.tsv, computed from the hello vector it names: JA3 and JA3S as TShark,
 * Arkime and suricata-verify print them, JA4 and its raw and original renderings as FoxIO's python
 * and rust, Arkime and suricata-verify print them.
 */
class ReferenceValuesTest {
    static List<GoldenValues.Row> rows() {
        return GoldenValues.rows();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void fingerprintMatchesTheReference(GoldenValues.Row row) {
        assertEquals(row.expected(), computed(row), row.source());
    }

    @Test
    void goldenTableCoversEveryRenderingFromSeveralReferences() {
        List<GoldenValues.Row> rows = rows();
        Set<String> fingerprints = rows.stream().map(GoldenValues.Row::fingerprint).collect(Collectors.toSet());
        assertEquals(Set.of("ja3", "ja3_md5", "ja3s", "ja3s_md5", "ja4", "ja4_r", "ja4_o", "ja4_ro"), fingerprints);
        Map<String, Long> bySource = rows.stream()
                .collect(Collectors.groupingBy(r -> r.source().split(" ")[0], Collectors.counting()));
        Set<String> references = Set.of("TShark", "arkime", "FoxIO", "suricata-verify");
        assertTrue(bySource.keySet().containsAll(references), bySource.toString());
        assertTrue(rows.stream().anyMatch(r -> r.transport().equals("quic") && r.fingerprint().equals("ja4")));
        assertTrue(rows.size() >= 100, "rows: " + rows.size());
    }

    private static String computed(GoldenValues.Row row) {
        String name = row.hello();
        if (row.fingerprint().startsWith("ja3s")) {
            Ja3s ja3s = Ja3s.of(Hellos.server(name));
            return row.fingerprint().equals("ja3s") ? ja3s.text() : ja3s.md5();
        }
        if (row.fingerprint().startsWith("ja3")) {
            Ja3 ja3 = Ja3.of(Hellos.client(name)).orElseThrow();
            return row.fingerprint().equals("ja3") ? ja3.text() : ja3.md5();
        }
        Ja4Transport transport = row.transport().equals("quic") ? Ja4Transport.QUIC : Ja4Transport.TCP;
        Ja4 ja4 = Ja4.of(Hellos.client(name), transport);
        return switch (row.fingerprint()) {
            case "ja4" -> ja4.ja4();
            case "ja4_r" -> ja4.ja4Raw();
            case "ja4_o" -> ja4.ja4Original();
            case "ja4_ro" -> ja4.ja4RawOriginal();
            default -> throw new IllegalArgumentException("unknown fingerprint " + row.fingerprint());
        };
    }
}
