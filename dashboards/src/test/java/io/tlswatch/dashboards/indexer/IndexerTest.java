package io.tlswatch.dashboards.indexer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.ElasticsearchNode;
import io.tlswatch.testkit.KafkaAndElasticsearch;
import io.tlswatch.testkit.KafkaBroker;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The indexer between a real Kafka broker and a real Elasticsearch node (one each for the class). */
class IndexerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaAndElasticsearch stack;
    private static KafkaBroker broker;
    private static ElasticsearchNode elasticsearch;

    @BeforeAll
    static void start() {
        stack = KafkaAndElasticsearch.launch(3);
        broker = stack.broker();
        elasticsearch = stack.elasticsearch();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private static IndexerConfig config(String prefix, Duration exitWhenIdle) {
        Properties kafka = broker.clientProperties(Map.of());
        return new IndexerConfig(kafka, prefix, "indexer-" + prefix, elasticsearch.url(), 200, exitWhenIdle);
    }

    /** A session document as the analyzer writes it, reduced to the fields the templates map. */
    private static String session(String flowId, String clientIp) {
        return session("test", flowId, clientIp);
    }

    private static String session(String sensor, String flowId, String clientIp) {
        return "{\"@timestamp\":\"2024-05-01T10:00:00Z\",\"event\":{\"kind\":\"session\",\"dataset\":\"tlswatch.session\"},"
                + "\"observer\":{\"name\":\"" + sensor + "\"},\"source\":{\"ip\":\"" + clientIp + "\",\"port\":50000},"
                + "\"destination\":{\"ip\":\"192.0.2.1\",\"port\":443},"
                + "\"tlswatch\":{\"flow_id\":\"" + flowId + "\",\"verdict\":\"clean\"}}";
    }

    private static void produce(String topic, List<String[]> keyAndValue) {
        Properties p = broker.clientProperties(Map.of("acks", "all"));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String[] kv : keyAndValue) {
                producer.send(new ProducerRecord<>(topic, kv[0].getBytes(StandardCharsets.UTF_8),
                        kv[1].getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private static List<String[]> sessions(int from, int to) {
        List<String[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(new String[] {"flow-" + i, session("outage", "flow-" + i, "10.0." + (i / 250) + "." + (i % 250 + 1))});
        }
        return out;
    }

    static JsonNode es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(elasticsearch.url() + path))
                .header("content-type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return JSON.readTree(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
    }

    /** Documents of one sensor (each test writes as its own) in a data stream. */
    private static long count(String target, String sensor) throws IOException, InterruptedException {
        es("POST", "/" + target + "/_refresh", null);
        JsonNode n = es("POST", "/" + target + "/_count",
                "{\"query\":{\"term\":{\"observer.name\":\"" + sensor + "\"}}}");
        return n.path("count").asLong(-1);
    }

    /** Offsets the group committed, summed over partitions. */
    private static long committed(String group) throws Exception {
        try (Admin admin = Admin.create(broker.clientProperties(Map.of()))) {
            Map<?, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.values().stream().mapToLong(o -> o == null ? 0 : o.offset()).sum();
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static BooleanSupplier quietly(CheckedCondition c) {
        return () -> {
            try {
                return c.get();
            } catch (Exception e) {
                return false;
            }
        };
    }

    private interface CheckedCondition {
        boolean get() throws Exception;
    }

    @Test
    void elasticsearchAwayForAWhileLosesNothingRepeatsNothingAndOffsetsWaitForIt() throws Exception {
        String group = "indexer-outage";
        produce("outage.sessions", sessions(0, 300));
        Indexer one = new Indexer(config("outage", null));
        Indexer two = new Indexer(config("outage", null));
        Thread t1 = new Thread(one, "indexer-1");
        Thread t2 = new Thread(two, "indexer-2");
        t1.start();
        t2.start();
        try {
            await("the first 300 indexed and committed", Duration.ofSeconds(60),
                    quietly(() -> count("tlswatch-sessions", "outage") == 300 && committed(group) == 300));
            elasticsearch.stop();
            try {
                // New records, and 50 old ones again (a replay): none may be committed while Elasticsearch is away.
                produce("outage.sessions", sessions(300, 600));
                produce("outage.sessions", sessions(0, 50));
                Thread.sleep(4000);
                assertEquals(300, committed(group), "offsets did not move past what Elasticsearch acknowledged");
                assertTrue(one.counters().retries() + two.counters().retries() > 0, "the indexers kept trying");
            } finally {
                elasticsearch.start();
            }
            await("all 650 records committed", Duration.ofSeconds(90), quietly(() -> committed(group) == 650));
            assertEquals(600, count("tlswatch-sessions", "outage"), "every document once, the replayed ones not twice");
            assertTrue(one.counters().records() > 0 && two.counters().records() > 0, "both indexers shared the partitions");
            JsonNode hit = es("POST", "/tlswatch-sessions/_search?size=1",
                    "{\"query\":{\"term\":{\"observer.name\":\"outage\"}}}").path("hits").path("hits").get(0);
            assertTrue(hit.path("_index").asText().startsWith(".ds-tlswatch-sessions-"), "a data stream: " + hit);
            assertEquals("flow-", hit.path("_id").asText().substring(0, 5), "the id is the record's key");
        } finally {
            one.stop();
            two.stop();
            t1.join();
            t2.join();
            one.close();
            two.close();
        }
    }

    @Test
    void aDocumentElasticsearchRejectsLandsInTheDeadLetterTopicWithTheReason() throws Exception {
        produce("dlt.sessions", List.of(
                new String[] {"good-1", session("good-1", "10.9.0.1")},
                new String[] {"bad-ip", session("bad-ip", "not-an-ip")},
                new String[] {"good-2", session("good-2", "2001:db8::1")},
                new String[] {"bad-json", "{\"@timestamp\": \"2024-05-01T10:00:00Z\", \"source\": "}));
        try (Indexer indexer = new Indexer(config("dlt", Duration.ofSeconds(3)))) {
            indexer.run();
            assertEquals(2, indexer.counters().deadLettered());
        }
        List<ConsumerRecord<byte[], byte[]>> letters = broker.readAll(List.of("dlt.deadletter"), 2, Duration.ofSeconds(30));
        assertEquals(2, letters.size());
        ConsumerRecord<byte[], byte[]> badIp = letters.stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("bad-ip")).findFirst().orElseThrow();
        String reason = new String(badIp.headers().lastHeader(Indexer.ERROR_HEADER).value(), StandardCharsets.UTF_8);
        assertTrue(reason.contains("source.ip") && reason.contains("not-an-ip"), reason);
        assertEquals("400", new String(badIp.headers().lastHeader(Indexer.STATUS_HEADER).value(), StandardCharsets.UTF_8));
        assertEquals(session("bad-ip", "not-an-ip"), new String(badIp.value(), StandardCharsets.UTF_8), "the record as it was");
        assertTrue(new String(badIp.headers().lastHeader(Indexer.SOURCE_HEADER).value(), StandardCharsets.UTF_8)
                .startsWith("dlt.sessions/"));
        assertEquals(4, committed("indexer-dlt"), "dead-lettered records are done with, and committed");
        es("POST", "/tlswatch-sessions/_refresh", null);
        JsonNode good = es("POST", "/tlswatch-sessions/_search", "{\"query\":{\"ids\":{\"values\":[\"good-2\"]}}}")
                .path("hits").path("hits").get(0);
        assertEquals("2001:db8::1", good.path("_source").path("source").path("ip").asText());
    }

    @Test
    void templatesInstallAgainWithoutChangeAndMapAddressesAsIps() throws Exception {
        try (Indexer indexer = new Indexer(config("templates", Duration.ofMillis(1)))) {
            IndexTemplates.install(indexer.elasticsearch());
            IndexTemplates.install(indexer.elasticsearch());
        }
        JsonNode t = es("GET", "/_index_template/tlswatch-rollups", null).path("index_templates").get(0);
        assertEquals("tlswatch-rollups", t.path("name").asText());
        JsonNode mappings = t.path("index_template").path("template").path("mappings").path("properties");
        assertEquals("long", mappings.path("tlswatch").path("properties").path("rollup").path("properties")
                .path("sessions").path("type").asText());
        JsonNode component = es("GET", "/_component_template/tlswatch-ecs", null).path("component_templates").get(0);
        assertEquals("date", component.path("component_template").path("template").path("mappings")
                .path("properties").path("@timestamp").path("type").asText());
    }
}
