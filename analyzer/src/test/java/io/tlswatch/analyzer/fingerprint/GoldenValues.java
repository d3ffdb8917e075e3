package io.tlswatch.analyzer.fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code golden.tsv}: what the references print for the hello vectors (TShark's JA3/JA3S,
 * Arkime's test expectations, FoxIO's python and rust outputs, suricata-verify checks), one row
 * per value and source, each naming where it was copied from.
 */
final class GoldenValues {
    /**
     * @param hello the vector's name
     * @param transport "tcp" or "quic"
     * @param fingerprint ja3, ja3_md5, ja3s, ja3s_md5, ja4, ja4_r, ja4_o or ja4_ro
     * @param expected the reference's value
     * @param source where the value was copied from
     */
    record Row(String hello, String transport, String fingerprint, String expected, String source) {
        @Override
        public String toString() {
            return hello + " " + fingerprint + " per " + source;
        }
    }

    private GoldenValues() {
    }

    static List<Row> rows() {
        try (InputStream in = GoldenValues.class.getResourceAsStream("golden.tsv")) {
            List<Row> out = new ArrayList<>();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("hello\t")) {
                    continue;
                }
                String[] c = line.split("\t", -1);
                out.add(new Row(c[0], c[1], c[2], c[3], c[4]));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
