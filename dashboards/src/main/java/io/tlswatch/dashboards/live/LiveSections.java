package io.tlswatch.dashboards.live;

import static io.tlswatch.dashboards.live.AggregationResults.bucket;
import static io.tlswatch.dashboards.live.AggregationResults.iso;
import static io.tlswatch.dashboards.live.AggregationResults.verdictCounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * What only the live dashboard shows: the newest affected sessions with their document id (for the
 * drill-down), and the {@code live} object: the filter applied, each sensor's sessions and
 * clients, overall and per time bucket, and the capture losses from the {@code stats} documents.
 */
final class LiveSections {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private LiveSections() {
    }

    static ObjectNode samples(JsonNode hits) {
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

    static ObjectNode live(DashboardFilter filter, JsonNode aggs, JsonNode timeAggs, JsonNode stats) {
        ObjectNode live = F.objectNode();
        live.set("sensor_series", sensorSeries(timeAggs));
        ObjectNode f = live.putObject("filter");
        optional(f, "from", filter.from() == null ? null : F.textNode(filter.from().toString()));
        optional(f, "to", filter.to() == null ? null : F.textNode(filter.to().toString()));
        optional(f, "sensor", filter.sensor() == null ? null : F.textNode(filter.sensor()));
        optional(f, "subnet", filter.subnet() == null ? null : F.textNode(filter.subnet()));
        optional(f, "interceptor", filter.interceptor() == null ? null : F.textNode(filter.interceptor()));
        optional(f, "server_name", filter.serverName() == null ? null : F.textNode(filter.serverName()));
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

    /**
     * Per sensor, per bucket of the time series: sessions, intercepted sessions, clients and
     * clients with an intercepted session ({@code [{sensor, points: [...]}]}, points aligned with
     * {@code time_series.buckets}).
     */
    private static ArrayNode sensorSeries(JsonNode timeAggs) {
        ArrayNode out = F.arrayNode();
        if (timeAggs == null) {
            return out;
        }
        JsonNode buckets = timeAggs.path("time").path("buckets");
        Map<String, ArrayNode> bySensor = new TreeMap<>();
        for (JsonNode b : buckets) {
            for (JsonNode s : b.path("sensors").path("buckets")) {
                bySensor.computeIfAbsent(s.path("key").asText(), k -> F.arrayNode());
            }
        }
        for (var sensor : bySensor.entrySet()) {
            ObjectNode line = out.addObject();
            line.put("sensor", sensor.getKey());
            ArrayNode points = line.putArray("points");
            for (JsonNode b : buckets) {
                JsonNode s = bucket(b.path("sensors").path("buckets"), sensor.getKey());
                ObjectNode p = points.addObject();
                p.put("sessions", s.path("doc_count").asLong());
                p.put("intercepted", s.path("intercepted").path("doc_count").asLong());
                p.put("clients", s.path("clients").path("value").asLong());
                p.put("intercepted_clients", s.path("intercepted").path("clients").path("value").asLong());
            }
        }
        return out;
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
}
