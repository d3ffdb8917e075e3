package io.tlswatch.analyzer.x509.trust;

import java.util.Objects;

/**
 * A PEM block that did not become a trust anchor.
 *
 * @param source the bundle's name (a file name, or the label the caller gave)
 * @param index the block's position in its bundle, from 1
 * @param problem why it was skipped
 * @param detail a short technical detail (the parser's complaint, the block type), or null
 */
public record SkippedPemEntry(String source, int index, PemEntryProblem problem, String detail) {
    public SkippedPemEntry {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(problem, "problem");
    }

    @Override
    public String toString() {
        return source + " #" + index + ": " + problem.id() + (detail != null ? " (" + detail + ")" : "");
    }
}
