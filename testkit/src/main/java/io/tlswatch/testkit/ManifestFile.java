package io.tlswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The tab-separated manifests the recording scripts write: a header line naming the columns, then
 * one row per connection. Reads the rows' columns; the row types give them meaning.
 */
final class ManifestFile {
    private ManifestFile() {
    }

    /** The columns of every non-blank row after {@code header}, which must be the first line. */
    static List<String[]> rows(Path manifest, String header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(manifest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IllegalArgumentException(manifest + " does not start with the header " + header);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(columns(line, header));
            }
        }
        return List.copyOf(rows);
    }

    /** One row's columns, as many as {@code header} names. */
    static String[] columns(String line, String header) {
        String[] c = line.split("\t", -1);
        if (c.length != header.split("\t").length) {
            throw new IllegalArgumentException("manifest row has " + c.length + " columns: " + Arrays.toString(c));
        }
        return c;
    }
}
