package io.tlswatch.dashboards.live;

import static io.tlswatch.dashboards.live.AggregationResults.bucket;
import static io.tlswatch.dashboards.live.AggregationResults.firstKey;
import static io.tlswatch.dashboards.live.AggregationResults.iso;
import static io.tlswatch.dashboards.live.AggregationResults.verdictCounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The sections the live dashboard shares with the replay report (the analyzer's
 * {@code ReportJson}), read from the aggregations of {@link ReportQueries}: {@code prevalence}
 * rows (all, per verdict, per interceptor), {@code time_series}, the most affected
 * {@code subnets} and {@code server_names}, and {@code visibility} per transport.
 */
final class ReportSections {
    static final List<String> TRANSPORTS = List.of("tls13", "quic", "other");
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReportSections() {
    }

    static ObjectNode prevalence(long total, JsonNode aggs) {
        ObjectNode prevalence = F.objectNode();
        ArrayNode rows = prevalence.putArray("rows");
        row(rows, "all", total, total, aggs);
        JsonNode byVerdict = aggs.path("verdicts").path("buckets");
        for (String v : LiveReport.VERDICTS) {
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

    static ObjectNode timeSeries(long width, JsonNode aggs) {
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
    record Top(String key, long affected) {
    }

    static List<Top> affectedSubnets(JsonNode affected) {
        List<Top> all = new ArrayList<>();
        for (String family : List.of("subnets_v4", "subnets_v6")) {
            for (JsonNode b : affected.path(family).path("subnets").path("buckets")) {
                all.add(new Top(b.path("key").asText() + "/" + b.path("prefix_length").asInt(), b.path("doc_count").asLong()));
            }
        }
        all.sort(Comparator.comparingLong(Top::affected).reversed().thenComparing(Top::key));
        return all;
    }

    static ObjectNode subnets(List<Top> all, List<Top> shown, JsonNode aggs) {
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

    static ObjectNode serverNames(JsonNode aggs) {
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

    static ArrayNode visibility(JsonNode buckets) {
        ArrayNode out = F.arrayNode();
        for (String t : TRANSPORTS) {
            ObjectNode v = out.addObject();
            v.put("transport", t);
            v.set("sessions", verdictCounts(buckets.path(t).path("verdicts").path("buckets")));
        }
        return out;
    }
}
