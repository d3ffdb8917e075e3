package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.JsonTree;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrevalenceExportTest {
    private static final long T = 1_709_294_400_000_000_000L;
    private static final Interceptor FORGER = new Interceptor(InterceptorClass.UNKNOWN, "=HYPERLINK(\"x\"),\"Evil, Inc.\"", null);

    private static Prevalence prevalence() {
        Prevalence p = new Prevalence();
        p.add("192.0.2.1", "bank.example", T, new SessionVerdict(Verdict.INTERCEPTED, Sessions.QAZNET, List.of(), null));
        p.add("192.0.2.2", "bank.example", T + 5_000_000_000L, new SessionVerdict(Verdict.INTERCEPTED, Sessions.QAZNET, List.of(), null));
        p.add("192.0.2.2", "mail.example", T + 1_000_000_000L, new SessionVerdict(Verdict.SUSPECTED, FORGER, List.of(), null));
        p.add("192.0.2.3", "news.example", T, new SessionVerdict(Verdict.CLEAN, null, List.of(), null));
        return p;
    }

    private static String export(PrevalenceExport.Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrevalenceExport.write(PrevalenceTable.of(prevalence()), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** RFC 4180 records, read back field by field. */
    private static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                records.add(fields);
                fields = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        return records;
    }

    @Test
    void csvHasARowForAllSessionsEachVerdictAndEachInterceptorWithThePrevalenceCounts() throws IOException {
        List<List<String>> csv = parseCsv(export(PrevalenceExport.Format.CSV));
        assertEquals(PrevalenceTable.COLUMNS, csv.get(0));
        assertEquals(1 + 1 + 4 + 2, csv.size());
        assertEquals(List.of("all", "", "", "", "", "4", "1.000000", "3", "3", "2024-03-01T12:00:00Z",
                "2024-03-01T12:00:05Z", "false"), csv.get(1));
        assertEquals(List.of("verdict", "intercepted", "", "", "", "2", "0.500000", "2", "1", "2024-03-01T12:00:00Z",
                "2024-03-01T12:00:05Z", "false"), csv.get(2));
        assertEquals(List.of("verdict", "not_observable", "", "", "", "0", "0.000000", "0", "0", "", "", "false"), csv.get(5));
        assertEquals(List.of("interceptor", "", "government", "Qaznet Trust Network", "kz-qaznet-trust-network-2019", "2",
                "0.500000", "2", "1", "2024-03-01T12:00:00Z", "2024-03-01T12:00:05Z", "false"), csv.get(6));
    }

    @Test
    void csvQuotesCommasAndQuotesAndDefusesFormulas() throws IOException {
        List<List<String>> csv = parseCsv(export(PrevalenceExport.Format.CSV));
        assertEquals("'" + FORGER.name(), csv.get(7).get(3), "a spreadsheet shows the name, and runs nothing");
        assertEquals(12, csv.get(7).size(), "the commas inside the name did not split it");
        assertEquals("plain.example", PrevalenceExport.csvField("plain.example"));
        assertEquals("'-1", PrevalenceExport.csvField("-1"));
        assertEquals("\"a\nb\"", PrevalenceExport.csvField("a\nb"));
    }

    @Test
    void jsonCarriesTheSameRowsWithNamesExactlyAsSeen() throws IOException {
        Map<String, Object> json = JsonTree.parse(export(PrevalenceExport.Format.JSON).getBytes(StandardCharsets.UTF_8));
        assertEquals(PrevalenceTable.COLUMNS, json.get("columns"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) json.get("rows");
        assertEquals(7, rows.size(), "all, four verdicts, two interceptors");
        assertEquals(4L, rows.get(0).get("sessions"));
        assertEquals("suspected", rows.get(2).get("verdict"));
        assertEquals(1L, rows.get(2).get("clients"));
        assertEquals(FORGER.name(), rows.get(6).get("interceptor_name"));
        assertTrue(!rows.get(6).containsKey("interceptor_id"));
        assertEquals(0.25, rows.get(6).get("session_share"));
    }

    @Test
    void theFormatFollowsTheFileName() {
        assertEquals(PrevalenceExport.Format.CSV, PrevalenceExport.Format.forFile(Path.of("out/prevalence.CSV")));
        assertEquals(PrevalenceExport.Format.JSON, PrevalenceExport.Format.forFile(Path.of("prevalence.json")));
        assertNull(PrevalenceExport.Format.forFile(Path.of("prevalence.xlsx")));
    }
}
