package io.tlswatch.analyzer.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a {@link PrevalenceTable} for papers: CSV (RFC 4180: comma-separated, CRLF line ends,
 * fields quoted when they hold a comma, quote or line end) or JSON (an object with the columns and
 * an array of row objects). A field from the wire that a spreadsheet would run as a formula
 * (starting with {@code = + - @}, tab or carriage return) is written after a single quote, as
 * OWASP advises against CSV injection; the JSON carries every value exactly.
 */
public final class PrevalenceExport {

    /** The file formats, chosen by the file name's extension. */
    public enum Format {
        CSV, JSON;

        /** The format a file name asks for, or null when it ends neither in .csv nor in .json. */
        public static Format forFile(Path file) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".csv")) {
                return CSV;
            }
            return name.endsWith(".json") ? JSON : null;
        }
    }

    private PrevalenceExport() {
    }

    public static void write(PrevalenceTable table, Format format, OutputStream out) throws IOException {
        if (format == Format.CSV) {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writeCsv(table, w);
            w.flush();
        } else {
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
                g.useDefaultPrettyPrinter();
                g.writeStartObject();
                g.writeArrayFieldStart("columns");
                for (String c : PrevalenceTable.COLUMNS) {
                    g.writeString(c);
                }
                g.writeEndArray();
                g.writeFieldName("rows");
                writeJsonRows(table, g);
                g.writeEndObject();
            }
        }
    }

    static void writeCsv(PrevalenceTable table, Writer w) throws IOException {
        w.write(String.join(",", PrevalenceTable.COLUMNS));
        w.write("\r\n");
        for (PrevalenceTable.Row r : table.rows()) {
            String[] cells = {r.scope().jsonName(), r.verdict() == null ? "" : r.verdict().jsonName(),
                r.interceptor() == null ? "" : r.interceptor().interceptorClass().jsonName(),
                r.interceptor() == null ? "" : r.interceptor().name(),
                r.interceptor() == null || r.interceptor().id() == null ? "" : r.interceptor().id(),
                Long.toString(r.sessions()), share(r.sessionShare()), Integer.toString(r.clients()),
                Integer.toString(r.serverNames()), r.firstSeen() == null ? "" : r.firstSeen(),
                r.lastSeen() == null ? "" : r.lastSeen(), Boolean.toString(r.saturated())};
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    w.write(',');
                }
                w.write(csvField(cells[i]));
            }
            w.write("\r\n");
        }
    }

    /** The rows as a JSON array of objects keyed by {@link PrevalenceTable#COLUMNS} (nulls left out). */
    public static void writeJsonRows(PrevalenceTable table, JsonGenerator g) throws IOException {
        g.writeStartArray();
        for (PrevalenceTable.Row r : table.rows()) {
            g.writeStartObject();
            g.writeStringField("scope", r.scope().jsonName());
            if (r.verdict() != null) {
                g.writeStringField("verdict", r.verdict().jsonName());
            }
            if (r.interceptor() != null) {
                g.writeStringField("interceptor_class", r.interceptor().interceptorClass().jsonName());
                g.writeStringField("interceptor_name", r.interceptor().name());
                if (r.interceptor().id() != null) {
                    g.writeStringField("interceptor_id", r.interceptor().id());
                }
            }
            g.writeNumberField("sessions", r.sessions());
            g.writeNumberField("session_share", r.sessionShare());
            g.writeNumberField("clients", r.clients());
            g.writeNumberField("server_names", r.serverNames());
            if (r.firstSeen() != null) {
                g.writeStringField("first_seen", r.firstSeen());
                g.writeStringField("last_seen", r.lastSeen());
            }
            g.writeBooleanField("saturated", r.saturated());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A share with six decimals, dot-separated whatever the locale. */
    static String share(double share) {
        return String.format(Locale.ROOT, "%.6f", share);
    }

    /** A CSV field: defused if a spreadsheet would take it for a formula, quoted if it needs to be. */
    static String csvField(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
