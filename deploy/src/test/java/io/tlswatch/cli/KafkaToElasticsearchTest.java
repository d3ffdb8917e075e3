package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.KafkaAndElasticsearch;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A corpus capture replayed into a real Kafka broker with {@code tlswatch replay --kafka}, then
 * {@code tlswatch index} into a real Elasticsearch: what Elasticsearch counts is what the replay's
 * summary said.
 */
class KafkaToElasticsearchTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VERDICT = Pattern.compile("(intercepted|suspected|clean|not_observable) ([0-9,]+) \\(");
    private static KafkaAndElasticsearch stack;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        SharedCorpus.require();
        stack = KafkaAndElasticsearch.launch(3);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static JsonNode es(String path, String body) throws IOException {
        return JSON.readTree(stack.post(path, body));
    }

    /** Sessions per verdict from a terms aggregation, or the sum of rollup counts per verdict. */
    private static Map<String, Long> perVerdict(String target, String sumField) throws IOException {
        es("/" + target + "/_refresh", null);
        String agg = sumField == null ? "" : ",\"aggs\":{\"n\":{\"sum\":{\"field\":\"" + sumField + "\"}}}";
        JsonNode r = es("/" + target + "/_search", "{\"size\":0,\"query\":{\"term\":{\"observer.name\":\"e2e\"}},"
                + "\"aggs\":{\"v\":{\"terms\":{\"field\":\"tlswatch.verdict\",\"size\":10}" + agg + "}}}");
        Map<String, Long> out = new HashMap<>();
        for (JsonNode b : r.path("aggregations").path("v").path("buckets")) {
            out.put(b.path("key").asText(), sumField == null ? b.path("doc_count").asLong() : b.path("n").path("value").asLong());
        }
        return out;
    }

    @Test
    void whatElasticsearchCountsPerVerdictIsWhatTheReplaySummarySaid() throws Exception {
        Path capture = SharedCorpus.require().resolve("arkime");
        StringWriter replayErr = new StringWriter();
        int status = Tlswatch.run(new String[] {"replay", "--sensor", "e2e", "--kafka", stack.broker().bootstrapServers(),
                "--topic-prefix", "e2e", "--spool", dir.resolve("spool").toString(), "--progress", "never",
                capture.toString()}, new PrintWriter(replayErr, true));
        String summary = replayErr.toString();
        assertEquals(0, status, summary);
        Map<String, Long> said = new HashMap<>();
        String verdictLine = summary.lines().filter(l -> l.trim().startsWith("verdicts")).findFirst().orElseThrow();
        Matcher m = VERDICT.matcher(verdictLine);
        while (m.find()) {
            long n = Long.parseLong(m.group(2).replace(",", ""));
            if (n > 0) {
                said.put(m.group(1), n);
            }
        }
        assertTrue(said.values().stream().mapToLong(Long::longValue).sum() > 10, summary);
        assertTrue(summary.contains("lost 0;"), summary);

        StringWriter indexErr = new StringWriter();
        assertEquals(0, Tlswatch.run(new String[] {"index", "--kafka", stack.broker().bootstrapServers(), "--elasticsearch",
                stack.elasticsearch().url(), "--topic-prefix", "e2e", "--exit-when-idle", "3"}, new PrintWriter(indexErr, true)),
                indexErr.toString());
        assertTrue(indexErr.toString().contains("dead-lettered 0"), indexErr.toString());

        assertEquals(said, perVerdict("tlswatch-sessions", null), "session documents per verdict");
        assertEquals(said, perVerdict("tlswatch-rollups", "tlswatch.rollup.sessions"), "prevalence from the rollups");
        Matcher certs = Pattern.compile("certificates +([0-9,]+) distinct").matcher(summary);
        assertTrue(certs.find(), summary);
        es("/tlswatch-certificates/_refresh", null);
        assertEquals(Long.parseLong(certs.group(1).replace(",", "")),
                es("/tlswatch-certificates/_count", null).path("count").asLong());
    }
}
