package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.List;

/**
 * The fingerprints in a Zeek {@code ssl.log} baseline (tab-separated, its columns named by the
 * {@code #fields} line, "-" for unset): Zeek's own ssl.log has no JA3 or JA4 column (those come
 * from packages such as ja3 and FoxIO's zeek scripts, which add {@code ja3}, {@code ja3s},
 * {@code ja4}); a baseline that has them is read, none in the corpus does.
 */
final class ZeekSslLog {
    private ZeekSslLog() {
    }

    static List<PublishedFingerprint> fingerprints(List<String> log, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        Fingerprint[] columns = new Fingerprint[0];
        for (String line : log) {
            String[] cells = line.split("\t", -1);
            if (line.startsWith("#fields")) {
                columns = new Fingerprint[cells.length - 1];
                for (int i = 1; i < cells.length; i++) {
                    columns[i - 1] = column(cells[i], where);
                }
            } else if (!line.startsWith("#")) {
                for (int i = 0; i < cells.length && i < columns.length; i++) {
                    if (columns[i] != null && !cells[i].equals("-") && !cells[i].equals("(empty)")) {
                        out.add(new PublishedFingerprint("zeek", columns[i], cells[i]));
                    }
                }
            }
        }
        return out;
    }

    private static Fingerprint column(String name, String where) {
        if (!Fingerprint.looksLikeOne(name)) {
            return null;
        }
        return switch (name) {
            case "ja3" -> Fingerprint.JA3;
            case "ja3s" -> Fingerprint.JA3S;
            default -> Fingerprint.ja4Rendering(name, where).orElse(null);
        };
    }
}
