package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** Reading Elasticsearch aggregation results: counts per verdict, a terms bucket by key, times. */
final class AggregationResults {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private AggregationResults() {
    }

    static ObjectNode verdictCounts(JsonNode buckets) {
        ObjectNode counts = F.objectNode();
        for (String v : LiveReport.VERDICTS) {
            counts.put(v, bucket(buckets, v).path("doc_count").asLong());
        }
        return counts;
    }

    /** The terms bucket whose key is {@code key}, or a missing node. */
    static JsonNode bucket(JsonNode buckets, String key) {
        for (JsonNode b : buckets) {
            if (key.equals(b.path("key").asText())) {
                return b;
            }
        }
        return F.missingNode();
    }

    static String firstKey(JsonNode termsAgg, String otherwise) {
        JsonNode first = termsAgg.path("buckets").path(0);
        return first.has("key") ? first.path("key").asText() : otherwise;
    }

    static String iso(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}
