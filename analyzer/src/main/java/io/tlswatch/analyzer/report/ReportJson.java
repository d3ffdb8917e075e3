package io.tlswatch.analyzer.report;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.report.SessionFacts.Transport;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The data of a prevalence report as one JSON object, the form the report page (dashboards module)
 * renders: {@code prevalence} (the rows of {@link PrevalenceTable}, interceptors cut to
 * {@link #INTERCEPTORS_SHOWN}), {@code time_series}, {@code subnets}, {@code server_names},
 * {@code visibility} and {@code samples}. Strings are written as they are (JSON-escaped only): the
 * page renders them as text.
 */
public final class ReportJson {
    /** Version of this object's layout, for the page to check. */
    public static final int SCHEMA = 1;
    public static final int INTERCEPTORS_SHOWN = 50;
    public static final int SUBNETS_SHOWN = 20;
    public static final int SERVER_NAMES_SHOWN = 20;

    /** What the report is about: the sensor name and the inputs' names, shown in its heading. */
    public record About(String title, String sensor, List<String> inputs) {
        public About {
            inputs = List.copyOf(inputs);
        }
    }

    private ReportJson() {
    }

    /** The report's JSON text. */
    public static String of(About about, Prevalence prevalence, ReportCollector collector) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
            write(g, about, prevalence, collector);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to memory", e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static void write(JsonGenerator g, About about, Prevalence prevalence, ReportCollector c) throws IOException {
        g.writeStartObject();
        g.writeNumberField("schema", SCHEMA);
        g.writeStringField("title", about.title());
        if (about.sensor() != null) {
            g.writeStringField("sensor", about.sensor());
        }
        g.writeArrayFieldStart("inputs");
        for (String input : about.inputs()) {
            g.writeString(input);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("verdicts");
        for (Verdict v : Verdict.values()) {
            g.writeString(v.jsonName());
        }
        g.writeEndArray();
        writePrevalence(g, PrevalenceTable.of(prevalence));
        writeTimeSeries(g, c.timeSeries());
        writeTop(g, "subnets", c.subnets().top(SUBNETS_SHOWN));
        writeTop(g, "server_names", c.serverNames().top(SERVER_NAMES_SHOWN));
        writeVisibility(g, c.visibility());
        writeSamples(g, c.samples());
        g.writeEndObject();
    }

    private static void writePrevalence(JsonGenerator g, PrevalenceTable table) throws IOException {
        g.writeObjectFieldStart("prevalence");
        List<PrevalenceTable.Row> interceptors = table.rows(PrevalenceTable.Scope.INTERCEPTOR);
        int cut = Math.max(0, interceptors.size() - INTERCEPTORS_SHOWN);
        long cutSessions = interceptors.stream().skip(INTERCEPTORS_SHOWN).mapToLong(PrevalenceTable.Row::sessions).sum();
        List<PrevalenceTable.Row> shown = table.rows().subList(0, table.rows().size() - cut);
        g.writeFieldName("rows");
        PrevalenceExport.writeJsonRows(new PrevalenceTable(shown), g);
        g.writeNumberField("interceptors_not_shown", cut);
        g.writeNumberField("interceptor_sessions_not_shown", cutSessions);
        g.writeEndObject();
    }

    private static void writeTimeSeries(JsonGenerator g, TimeSeries series) throws IOException {
        g.writeObjectFieldStart("time_series");
        g.writeNumberField("width_seconds", series.widthMillis() / 1000);
        g.writeNumberField("dropped_sessions", series.droppedSessions());
        g.writeArrayFieldStart("buckets");
        for (TimeBucket b : series.buckets()) {
            g.writeStartObject();
            g.writeStringField("start", DocumentHeader.isoTime(b.startMillis() * 1_000_000L));
            g.writeNumberField("start_ms", b.startMillis());
            verdictCounts(g, "sessions", b.sessions());
            g.writeNumberField("clients", b.clients());
            g.writeNumberField("intercepted_clients", b.interceptedClients());
            g.writeNumberField("suspected_clients", b.suspectedClients());
            if (b.saturated()) {
                g.writeBooleanField("saturated", true);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void writeTop(JsonGenerator g, String name, TopCounts.Top top) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeArrayFieldStart("rows");
        for (TopCounts.Row r : top.rows()) {
            g.writeStartObject();
            g.writeStringField("key", r.key());
            verdictCounts(g, "sessions", r.sessions());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("keys_not_shown", top.keysNotShown());
        g.writeNumberField("affected_sessions_not_shown", top.affectedSessionsNotShown());
        g.writeNumberField("untracked_sessions", top.untrackedSessions());
        g.writeEndObject();
    }

    private static void writeVisibility(JsonGenerator g, Visibility visibility) throws IOException {
        g.writeArrayFieldStart("visibility");
        for (Transport t : Transport.values()) {
            g.writeStartObject();
            g.writeStringField("transport", t.jsonName());
            verdictCounts(g, "sessions", visibility.of(t));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeSamples(JsonGenerator g, SessionSamples samples) throws IOException {
        g.writeObjectFieldStart("samples");
        g.writeArrayFieldStart("sessions");
        for (SessionFacts s : samples.newestFirst()) {
            g.writeStartObject();
            g.writeStringField("time", DocumentHeader.isoTime(s.timeNanos()));
            g.writeStringField("client", s.clientIp());
            g.writeStringField("server", s.serverIp());
            optional(g, "server_name", s.serverName());
            g.writeStringField("verdict", s.verdict().jsonName());
            interceptor(g, s.interceptor());
            g.writeArrayFieldStart("rules");
            for (String rule : s.rules()) {
                g.writeString(rule);
            }
            g.writeEndArray();
            optional(g, "leaf_subject", s.leafSubject());
            optional(g, "leaf_issuer", s.leafIssuer());
            optional(g, "leaf_sha256", s.leafSha256());
            optional(g, "ja4", s.ja4());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeNumberField("not_shown", samples.forgotten());
        g.writeEndObject();
    }

    private static void interceptor(JsonGenerator g, Interceptor who) throws IOException {
        if (who == null) {
            return;
        }
        g.writeObjectFieldStart("interceptor");
        g.writeStringField("class", who.interceptorClass().jsonName());
        g.writeStringField("name", who.name());
        optional(g, "id", who.id());
        g.writeEndObject();
    }

    private static void verdictCounts(JsonGenerator g, String name, VerdictCounts counts) throws IOException {
        g.writeObjectFieldStart(name);
        for (Verdict v : Verdict.values()) {
            g.writeNumberField(v.jsonName(), counts.of(v));
        }
        g.writeEndObject();
    }

    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}
