package io.tlswatch.analyzer.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The rows of {@code corpus-oracle-corrections.tsv}: captures where the shipped tshark oracle is
 * known to be wrong or incomplete, with the values to expect instead, their source and the reason;
 * and the reading of the other correction tables beside it, which share its layout.
 */
final class OracleCorrections {
    private OracleCorrections() {
    }

    static Map<String, Map<String, String>> load(String resource) {
        Map<String, Map<String, String>> byCapture = new HashMap<>();
        for (Map<String, String> row : rows(resource)) {
            byCapture.put(row.get("capture"), row);
        }
        return byCapture;
    }

    /**
     * The rows of a tab-separated resource beside this class, by its header's column names; lines
     * starting with '#' are comments. Every row must give a reason.
     */
    static List<Map<String, String>> rows(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                OracleCorrections.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            List<Map<String, String>> rows = new ArrayList<>();
            String[] header = null;
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (header == null) {
                    header = cells;
                    continue;
                }
                Map<String, String> row = new HashMap<>();
                for (int i = 0; i < header.length; i++) {
                    row.put(header[i], i < cells.length ? cells[i] : "");
                }
                if (row.getOrDefault("reason", "").isBlank()) {
                    throw new IllegalStateException(resource + ": a correction without a reason: " + line);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusGoldenTest.Observed expected(Map<String, String> row) {
        String pairs = row.get("pairs");
        TreeSet<String> set = pairs.isEmpty() ? new TreeSet<>() : new TreeSet<>(Arrays.asList(pairs.split("\\|")));
        return new CorpusGoldenTest.Observed(set, Long.parseLong(row.get("client_hellos")),
                Long.parseLong(row.get("server_hellos")));
    }
}
