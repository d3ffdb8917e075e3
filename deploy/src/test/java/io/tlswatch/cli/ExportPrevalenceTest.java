package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlswatch replay --export-prevalence}: the prevalence the summary prints, as CSV or JSON for papers. */
class ExportPrevalenceTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");

    @TempDir
    Path dir;
    private final StringWriter stderr = new StringWriter();

    private SummaryText replay(Path export) throws IOException {
        Path hostile = dir.resolve("hostile.pcap");
        HostileCapture.write(hostile, Instant.parse("2024-06-01T12:00:00Z"));
        assertEquals(0, Tlswatch.run(new String[] {"replay", "-o", dir.resolve("out.jsonl").toString(), "--export-prevalence",
            export.toString(), SAMPLE.toString(), hostile.toString()}, new PrintWriter(stderr, true)), stderr.toString());
        return new SummaryText(stderr.toString());
    }

    /** RFC 4180 fields of one line without line breaks inside quotes. */
    private static List<String> csvFields(String line) {
        List<String> fields = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    @Test
    void csvHoldsTheSummarysSessionsClientsAndServerNamesPerVerdictAndInterceptor() throws IOException {
        Path csv = dir.resolve("prevalence.csv");
        SummaryText summary = replay(csv);
        List<String> lines = Files.readAllLines(csv);
        assertEquals("scope,verdict,interceptor_class,interceptor_name,interceptor_id,sessions,session_share,clients,"
                + "server_names,first_seen,last_seen,saturated", lines.get(0));
        Map<String, SummaryText.Share> sessions = summary.shares("verdicts");
        Map<String, SummaryText.Share> clients = summary.shares("clients");
        Map<String, SummaryText.Share> names = summary.shares("server names");
        assertEquals("5", csvFields(lines.get(1)).get(5), "the sample's four handshakes and the hostile one");
        for (String line : lines.subList(2, 6)) {
            List<String> cells = csvFields(line);
            String verdict = cells.get(1);
            assertEquals(List.of(sessions.get(verdict).value(), clients.get(verdict).value(), names.get(verdict).value()),
                    List.of(Long.parseLong(cells.get(5)), Long.parseLong(cells.get(7)), Long.parseLong(cells.get(8))), line);
        }
        List<List<String>> interceptors = summary.interceptors();
        assertEquals(interceptors.size(), lines.size() - 6, summary.toString());
        assertFalse(interceptors.isEmpty(), "the hostile connection's forger: " + summary);
        for (int i = 0; i < interceptors.size(); i++) {
            List<String> cells = csvFields(lines.get(6 + i));
            List<String> printed = interceptors.get(i);
            assertEquals(List.of("interceptor", printed.get(0), printed.get(1), printed.get(2), printed.get(3), printed.get(4),
                    printed.get(5)), List.of(cells.get(0), cells.get(2), cells.get(3), cells.get(4), cells.get(5), cells.get(7),
                    cells.get(8)), "a name with a comma stays one field");
        }
    }

    @Test
    void jsonHoldsTheSameRows() throws IOException {
        Path json = dir.resolve("prevalence.json");
        SummaryText summary = replay(json);
        JsonNode rows = new ObjectMapper().readTree(json.toFile()).get("rows");
        int row = 1;
        for (Map.Entry<String, SummaryText.Share> e : summary.shares("verdicts").entrySet()) {
            assertEquals(e.getKey(), rows.get(row).get("verdict").asText());
            assertEquals(e.getValue().value(), rows.get(row).get("sessions").asLong());
            row++;
        }
        List<List<String>> interceptors = summary.interceptors();
        assertEquals(1 + 4 + interceptors.size(), rows.size());
        JsonNode forger = rows.get(5);
        assertEquals(interceptors.get(0).get(1), forger.get("interceptor_name").asText(), "exactly as the summary prints it");
        assertTrue(forger.get("interceptor_name").asText().contains("<img"), "the JSON keeps the name as seen");
    }

    @Test
    void anExportThatIsNeitherCsvNorJsonIsAUsageError() {
        assertEquals(2, Tlswatch.run(new String[] {"replay", "--export-prevalence", dir.resolve("p.xlsx").toString(),
            SAMPLE.toString()}, new PrintWriter(stderr, true)));
        assertTrue(stderr.toString().startsWith("tlswatch: --export-prevalence must name a .csv or .json file"), stderr.toString());
        assertFalse(Files.exists(dir.resolve("p.xlsx")));
    }

    @Test
    void aReportIntoAFolderThatDoesNotExistIsAUsageError() {
        assertEquals(2, Tlswatch.run(new String[] {"replay", "--report", dir.resolve("no/such/report.html").toString(),
            SAMPLE.toString()}, new PrintWriter(stderr, true)));
        assertTrue(stderr.toString().startsWith("tlswatch: --report "), stderr.toString());
    }
}
