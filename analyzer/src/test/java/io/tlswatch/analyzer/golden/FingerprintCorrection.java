package io.tlswatch.analyzer.golden;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A row of {@code corpus-fingerprint-corrections.tsv}: a value a peer published for a capture that
 * tlswatch knowingly does not give, what tlswatch gives instead, and why.
 *
 * @param capture the capture's corpus path
 * @param source the publisher, as in {@link PublishedFingerprint#source()}
 * @param kind the rendering
 * @param expected the published value
 * @param ours tlswatch's value for that hello, or "" when it gives none
 * @param times how many of the capture's published values of this kind and source the row covers
 * @param reason why tlswatch is right, or the limitation that explains it
 */
record FingerprintCorrection(String capture, String source, Fingerprint kind, String expected, String ours,
                             int times, String reason) {
    FingerprintCorrection {
        Objects.requireNonNull(capture, "capture");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(ours, "ours");
        if (times < 1 || expected.isEmpty() || reason.isBlank()) {
            throw new IllegalArgumentException("a correction names a published value, at least once, with a reason: "
                    + capture + " " + source + " " + kind.documentName());
        }
    }

    /** The rows of a corrections resource beside this class (columns as the record's, kind by document name). */
    static List<FingerprintCorrection> load(String resource) {
        return OracleCorrections.rows(resource).stream().map(FingerprintCorrection::of).toList();
    }

    private static FingerprintCorrection of(Map<String, String> row) {
        return new FingerprintCorrection(row.get("capture"), row.get("source"),
                Fingerprint.byDocumentName(row.get("kind")), row.get("expected"), row.get("ours"),
                Integer.parseInt(row.get("times")), row.get("reason"));
    }

    /** The row as it reads in the resource. */
    String toTsv() {
        return String.join("\t", capture, source, kind.documentName(), expected, ours, Integer.toString(times), reason);
    }
}
