package io.tlswatch.analyzer.verdict.catalogue;

import java.util.Objects;

/**
 * One thing wrong with a catalogue file, where it is and what: printed as one line,
 * {@code file:line: message} (line 0 when the file as a whole is at fault).
 *
 * @param file the file's name as the user gave it
 * @param line 1-based line number, 0 for the whole file
 * @param message what is wrong and, where it helps, what is allowed
 */
public record CatalogueProblem(String file, int line, String message) {

    public CatalogueProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
