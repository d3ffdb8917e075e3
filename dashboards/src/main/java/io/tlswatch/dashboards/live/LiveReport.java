package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The live dashboard's data: the same JSON object the replay report renders (the analyzer's
 * {@code ReportJson}, schema {@link #SCHEMA}: {@code prevalence}, {@code time_series},
 * {@code subnets}, {@code server_names}, {@code visibility}, {@code samples}), computed with
 * Elasticsearch aggregations ({@link ReportQueries}) over the sessions a {@link DashboardFilter}
 * lets through, plus a {@code live} object: the filter, the sessions and clients of each sensor,
 * and the capture losses from the {@code stats} documents. Samples carry their document {@code id}
 * for the drill-down.
 */
public final class LiveReport {
    /** The layout version of the page data, the analyzer's {@code ReportJson.SCHEMA}. */
    public static final int SCHEMA = 1;
    static final List<String> VERDICTS = List.of("intercepted", "suspected", "clean", "not_observable");
    static final List<String> TRANSPORTS = List.of("tls13", "quic", "other");
    /** Bucket widths the time series may use, in seconds; the first giving at most {@link #MAX_BUCKETS} wins. */
    static final long[] WIDTHS = {60, 300, 600, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 604_800};
    static final int MAX_BUCKETS = 120;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final ElasticsearchReader es;

    public LiveReport(ElasticsearchReader es) {
        this.es = es;
    }

    /** The page data for {@code filter}. */
    public ObjectNode of(DashboardFilter filter) throws IOException {
        JsonNode overviewResponse = es.search(ReportQueries.SESSIONS, ReportQueries.overview(filter));
        JsonNode overview = overviewResponse.path("aggregations");
        long total = overviewResponse.path("hits").path("total").path("value").asLong();

        ObjectNode out = F.objectNode();
        out.put("schema", SCHEMA);
        out.put("title", "tlswatch live dashboard");
        if (filter.sensor() != null) {
            out.put("sensor", filter.sensor());
        }
        out.putArray("inputs");
        ArrayNode verdicts = out.putArray("verdicts");
        VERDICTS.forEach(verdicts::add);
        out.set("prevalence", prevalence(total, overview));

        List<Top> subnets = affectedSubnets(overview.path("affected"));
        List<Top> shownSubnets = subnets.subList(0, Math.min(ReportQueries.TOP_SHOWN, subnets.size()));
        JsonNode second = null;
        long[] span = span(filter, overview);
        long width = width(span);
        if (total > 0 && span != null) {
            second = es.search(ReportQueries.SESSIONS, ReportQueries.timeAndSubnets(filter, width,
                    Math.floorDiv(span[0], width * 1000) * width * 1000, span[1],
                    shownSubnets.stream().map(Top::key).toList())).path("aggregations");
        }
        out.set("time_series", timeSeries(width, second));
        out.set("subnets", subnets(subnets, shownSubnets, second));
        out.set("server_names", serverNames(overview));
        out.set("visibility", visibility(overview.path("visibility").path("buckets")));
        out.set("samples", samples(es.search(ReportQueries.SESSIONS, ReportQueries.samples(filter)).path("hits")));
        out.set("live", live(filter, overview, es.search(ReportQueries.STATS, ReportQueries.captureLosses(filter))));
        return out;
    }

    private static ObjectNode prevalence(long total, JsonNode aggs) {
        ObjectNode prevalence = F.objectNode();
        ArrayNode rows = prevalence.putArray("rows");
        row(rows, "all", total, total, aggs);
        JsonNode byVerdict = aggs.path("verdicts").path("buckets");
        for (String v : VERDICTS) {
            JsonNode bucket = bucket(byVerdict, v);
            row(rows, "verdict", bucket.path("doc_count").asLong(), total, bucket).put("verdict", v);
        }
        JsonNode interceptors = aggs.path("interceptors");
        for (JsonNode b : interceptors.path("buckets")) {
            ObjectNode r = row(rows, "interceptor", b.path("doc_count").asLong(), total, b);
            r.put("interceptor_class", firstKey(b.path("class"), "unknown"));
            r.put("interceptor_name", b.path("key").asText());
            String id = firstKey(b.path("id"), null);
            if (id != null) {
                r.put("interceptor_id", id);
            }
        }
        int shown = interceptors.path("buckets").size();
        prevalence.put("interceptors_not_shown", Math.max(0, aggs.path("interceptor_names").path("value").asLong() - shown));
        prevalence.put("interceptor_sessions_not_shown", interceptors.path("sum_other_doc_count").asLong());
        return prevalence;
    }

    /** A prevalence row with the columns of the analyzer's {@code PrevalenceExport} (its scope's own ones put by the caller). */
    private static ObjectNode row(ArrayNode rows, String scope, long sessions, long total, JsonNode aggs) {
        ObjectNode r = rows.addObject();
        r.put("scope", scope);
        r.put("sessions", sessions);
        r.put("session_share", total == 0 ? 0.0 : (double) sessions / total);
        r.put("clients", aggs.path("clients").path("value").asLong());
        r.put("server_names", aggs.path("server_names").path("value").asLong());
        if (sessions > 0 && aggs.path("first").hasNonNull("value")) {
            r.put("first_seen", iso(aggs.path("first").path("value").asLong()));
            r.put("last_seen", iso(aggs.path("last").path("value").asLong()));
        }
        r.put("saturated", false);
        return r;
    }

    /** [from, to] in epoch milliseconds: the filter's range where set, else the data's first and last session. */
    private static long[] span(DashboardFilter filter, JsonNode aggs) {
        JsonNode first = aggs.path("first").path("value");
        JsonNode last = aggs.path("last").path("value");
        if (!first.isNumber() && (filter.from() == null || filter.to() == null)) {
            return null;
        }
        long from = filter.from() != null ? filter.from().toEpochMilli() : first.asLong();
        long to = filter.to() != null ? filter.to().toEpochMilli() - 1 : last.asLong();
        return new long[] {from, Math.max(from, to)};
    }

    static long width(long[] span) {
        long seconds = span == null ? 0 : (span[1] - span[0]) / 1000 + 1;
        for (long w : WIDTHS) {
            if (seconds / w < MAX_BUCKETS) {
                return w;
            }
        }
        long days = (seconds / MAX_BUCKETS + 86_399) / 86_400;
        return days * 86_400;
    }

    private static ObjectNode timeSeries(long width, JsonNode aggs) {
        ObjectNode series = F.objectNode();
        series.put("width_seconds", width);
        series.put("dropped_sessions", 0);
        ArrayNode buckets = series.putArray("buckets");
        if (aggs == null) {
            return series;
        }
        for (JsonNode b : aggs.path("time").path("buckets")) {
            ObjectNode out = buckets.addObject();
            long start = b.path("key").asLong();
            out.put("start", iso(start));
            out.put("start_ms", start);
            out.set("sessions", verdictCounts(b.path("verdicts").path("buckets")));
            out.put("clients", b.path("clients").path("value").asLong());
            out.put("intercepted_clients", b.path("intercepted").path("clients").path("value").asLong());
            out.put("suspected_clients", b.path("suspected").path("clients").path("value").asLong());
        }
        return series;
    }

    /** A key with its intercepted and suspected sessions, for ranking. */
    private record Top(String key, long affected) {
    }

    private static List<Top> affectedSubnets(JsonNode affected) {
        List<Top> all = new ArrayList<>();
        for (String family : List.of("subnets_v4", "subnets_v6")) {
            for (JsonNode b : affected.path(family).path("subnets").path("buckets")) {
                all.add(new Top(b.path("key").asText() + "/" + b.path("prefix_length").asInt(), b.path("doc_count").asLong()));
            }
        }
        all.sort(Comparator.comparingLong(Top::affected).reversed().thenComparing(Top::key));
        return all;
    }

    private static ObjectNode subnets(List<Top> all, List<Top> shown, JsonNode aggs) {
        ObjectNode block = F.objectNode();
        ArrayNode rows = block.putArray("rows");
        JsonNode totals = aggs == null ? F.objectNode() : aggs.path("subnets").path("buckets");
        for (Top t : shown) {
            ObjectNode r = rows.addObject();
            r.put("key", t.key());
            r.set("sessions", verdictCounts(totals.path(t.key()).path("verdicts").path("buckets")));
        }
        block.put("keys_not_shown", all.size() - shown.size());
        block.put("affected_sessions_not_shown", all.stream().skip(shown.size()).mapToLong(Top::affected).sum());
        block.put("untracked_sessions", 0);
        return block;
    }

    private static ObjectNode serverNames(JsonNode aggs) {
        ObjectNode block = F.objectNode();
        ArrayNode rows = block.putArray("rows");
        long shownAffected = 0;
        for (JsonNode b : aggs.path("top_server_names").path("buckets")) {
            long affected = b.path("affected").path("doc_count").asLong();
            if (affected == 0) {
                continue;
            }
            shownAffected += affected;
            ObjectNode r = rows.addObject();
            r.put("key", b.path("key").asText());
            r.set("sessions", verdictCounts(b.path("verdicts").path("buckets")));
        }
        JsonNode affected = aggs.path("affected");
        block.put("keys_not_shown", Math.max(0, affected.path("server_names").path("value").asLong() - rows.size()));
        block.put("affected_sessions_not_shown",
                Math.max(0, affected.path("with_server_name").path("doc_count").asLong() - shownAffected));
        block.put("untracked_sessions", 0);
        return block;
    }

    private static ArrayNode visibility(JsonNode buckets) {
        ArrayNode out = F.arrayNode();
        for (String t : TRANSPORTS) {
            ObjectNode v = out.addObject();
            v.put("transport", t);
            v.set("sessions", verdictCounts(buckets.path(t).path("verdicts").path("buckets")));
        }
        return out;
    }

    private static ObjectNode samples(JsonNode hits) {
        ObjectNode samples = F.objectNode();
        ArrayNode sessions = samples.putArray("sessions");
        for (JsonNode hit : hits.path("hits")) {
            JsonNode s = hit.path("_source");
            ObjectNode out = sessions.addObject();
            out.put("id", hit.path("_id").asText());
            out.put("time", text(s, "@timestamp"));
            out.put("sensor", text(s, "observer", "name"));
            out.put("client", text(s, "source", "ip"));
            out.put("server", text(s, "destination", "ip"));
            optional(out, "server_name", s.path("tls").path("client").path("server_name"));
            out.put("verdict", text(s, "tlswatch", "verdict"));
            JsonNode who = s.path("tlswatch").path("interceptor");
            if (who.isObject()) {
                ObjectNode interceptor = out.putObject("interceptor");
                interceptor.put("class", text(who, "class"));
                interceptor.put("name", text(who, "name"));
                optional(interceptor, "id", who.path("id"));
            }
            ArrayNode rules = out.putArray("rules");
            s.path("tlswatch").path("rules").forEach(r -> rules.add(r.asText()));
            JsonNode server = s.path("tls").path("server");
            optional(out, "leaf_subject", server.path("subject"));
            optional(out, "leaf_issuer", server.path("issuer"));
            optional(out, "leaf_sha256", server.path("hash").path("sha256"));
            optional(out, "ja4", s.path("tls").path("client").path("ja4"));
        }
        samples.put("not_shown", Math.max(0, hits.path("total").path("value").asLong() - sessions.size()));
        return samples;
    }

    private static ObjectNode live(DashboardFilter filter, JsonNode aggs, JsonNode stats) {
        ObjectNode live = F.objectNode();
        ObjectNode f = live.putObject("filter");
        optional(f, "from", filter.from() == null ? null : F.textNode(filter.from().toString()));
        optional(f, "to", filter.to() == null ? null : F.textNode(filter.to().toString()));
        optional(f, "sensor", filter.sensor() == null ? null : F.textNode(filter.sensor()));
        optional(f, "subnet", filter.subnet() == null ? null : F.textNode(filter.subnet()));
        ArrayNode sensors = live.putArray("sensors");
        for (JsonNode b : aggs.path("sensors").path("buckets")) {
            ObjectNode s = sensors.addObject();
            s.put("sensor", b.path("key").asText());
            s.set("sessions", verdictCounts(b.path("verdicts").path("buckets")));
            s.put("clients", b.path("clients").path("value").asLong());
            s.put("intercepted_clients", b.path("intercepted").path("clients").path("value").asLong());
        }
        ArrayNode capture = live.putArray("capture");
        for (JsonNode sensor : stats.path("aggregations").path("sensors").path("buckets")) {
            for (JsonNode i : sensor.path("interfaces").path("buckets")) {
                ObjectNode c = capture.addObject();
                c.put("sensor", sensor.path("key").asText());
                c.put("interface", i.path("key").asText());
                c.put("reports", i.path("doc_count").asLong());
                c.put("received", i.path("received").path("value").asLong());
                c.put("lost", i.path("lost").path("value").asLong());
                c.put("first", iso(i.path("first").path("value").asLong()));
                c.put("last", iso(i.path("last").path("value").asLong()));
            }
        }
        return live;
    }

    private static ObjectNode verdictCounts(JsonNode buckets) {
        ObjectNode counts = F.objectNode();
        for (String v : VERDICTS) {
            counts.put(v, bucket(buckets, v).path("doc_count").asLong());
        }
        return counts;
    }

    /** The terms bucket whose key is {@code key}, or a missing node. */
    private static JsonNode bucket(JsonNode buckets, String key) {
        for (JsonNode b : buckets) {
            if (key.equals(b.path("key").asText())) {
                return b;
            }
        }
        return F.missingNode();
    }

    private static String firstKey(JsonNode termsAgg, String otherwise) {
        JsonNode first = termsAgg.path("buckets").path(0);
        return first.has("key") ? first.path("key").asText() : otherwise;
    }

    private static String text(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = n.path(p);
        }
        return n.isValueNode() ? n.asText() : "";
    }

    private static void optional(ObjectNode out, String name, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            out.put(name, value.asText());
        }
    }

    private static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
