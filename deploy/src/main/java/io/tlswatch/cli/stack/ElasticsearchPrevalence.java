package io.tlswatch.cli.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.analyzer.verdict.Verdict;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Asks Elasticsearch for one sensor's prevalence: one search over the rollups data stream, a
 * terms aggregation by verdict and one by interceptor, each summing {@code tlswatch.rollup.sessions}.
 * What it prints is what the indexed documents say, which proves the whole path.
 */
public final class ElasticsearchPrevalence {
    private static final String ROLLUPS = "tlswatch-rollups";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /** @param url Elasticsearch, e.g. {@code http://127.0.0.1:9200} */
    public ElasticsearchPrevalence(String url) {
        this.url = url;
    }

    /** The sensor's prevalence now (after a refresh, so what was indexed is counted). */
    public StackPrevalence of(String sensor) throws IOException {
        post("/" + ROLLUPS + "/_refresh", null);
        String sum = "{\"n\":{\"sum\":{\"field\":\"tlswatch.rollup.sessions\"}}}";
        JsonNode sensorName = JSON.getNodeFactory().textNode(sensor);
        JsonNode r = post("/" + ROLLUPS + "/_search", "{\"size\":0,\"track_total_hits\":true,"
                + "\"query\":{\"term\":{\"observer.name\":" + sensorName + "}},\"aggs\":{"
                + "\"verdicts\":{\"terms\":{\"field\":\"tlswatch.verdict\",\"size\":10},\"aggs\":" + sum + "},"
                + "\"interceptors\":{\"terms\":{\"field\":\"tlswatch.interceptor.id\",\"size\":20,\"order\":{\"n\":\"desc\"}},"
                + "\"aggs\":{\"n\":{\"sum\":{\"field\":\"tlswatch.rollup.sessions\"}},"
                + "\"name\":{\"terms\":{\"field\":\"tlswatch.interceptor.name\",\"size\":1}},"
                + "\"class\":{\"terms\":{\"field\":\"tlswatch.interceptor.class\",\"size\":1}}}}}}");
        Map<Verdict, Long> sessions = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            sessions.put(v, 0L);
        }
        for (JsonNode b : r.path("aggregations").path("verdicts").path("buckets")) {
            for (Verdict v : Verdict.values()) {
                if (v.jsonName().equals(b.path("key").asText())) {
                    sessions.put(v, b.path("n").path("value").asLong());
                }
            }
        }
        List<StackPrevalence.Interceptor> interceptors = new ArrayList<>();
        for (JsonNode b : r.path("aggregations").path("interceptors").path("buckets")) {
            interceptors.add(new StackPrevalence.Interceptor(b.path("key").asText(), first(b.path("class")),
                    first(b.path("name")), b.path("n").path("value").asLong()));
        }
        return new StackPrevalence(sensor, r.path("hits").path("total").path("value").asLong(), sessions, interceptors);
    }

    private static String first(JsonNode terms) {
        JsonNode buckets = terms.path("buckets");
        return buckets.isEmpty() ? "" : buckets.get(0).path("key").asText();
    }

    private JsonNode post(String path, String body) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT)
                .header("content-type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IOException("Elasticsearch answered " + response.statusCode() + " to " + path + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking Elasticsearch", e);
        }
    }
}
