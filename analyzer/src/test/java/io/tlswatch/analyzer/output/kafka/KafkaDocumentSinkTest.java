package io.tlswatch.analyzer.output.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.testkit.KafkaBroker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Kafka sink against a real broker (one for the class), including the broker going away. */
class KafkaDocumentSinkTest {
    private static KafkaBroker broker;

    @TempDir
    Path spoolDir;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.launch(3);
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    /** Short timeouts, so that an outage of a few seconds sends records to the spool. */
    private KafkaSinkConfig config(String prefix, Duration closeTimeout) {
        Properties p = KafkaSinkConfig.producerProperties(broker.bootstrapServers(), Map.of(
                "delivery.timeout.ms", "3000", "request.timeout.ms", "1000", "max.block.ms", "1000",
                "retry.backoff.ms", "100", "reconnect.backoff.max.ms", "200"));
        return new KafkaSinkConfig(p, new KafkaTopics(prefix), spoolDir, 64L << 20, 64 << 10, closeTimeout);
    }

    private static List<String> topics(String prefix) {
        KafkaTopics t = new KafkaTopics(prefix);
        List<String> all = new ArrayList<>();
        for (DocumentKind k : DocumentKind.values()) {
            all.add(t.topic(k));
        }
        return all;
    }

    private record TestDocument(DocumentKind kind, String key, int n) implements Document {
        @Override
        public void writeTo(JsonGenerator json) throws IOException {
            json.writeStartObject();
            json.writeNumberField("n", n);
            json.writeEndObject();
        }
    }

    /** How many times each key arrived. */
    private static Map<String, Integer> keyCounts(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Integer> counts = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            counts.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void eachKindGoesToItsPluralTopicKeyedByTheDocumentsKey() throws IOException {
        try (KafkaDocumentSink sink = KafkaDocumentSink.open(config("kinds", Duration.ofSeconds(30)))) {
            sink.accept(new TestDocument(DocumentKind.SESSION, "flow-1", 1));
            sink.accept(new TestDocument(DocumentKind.CERTIFICATE, "a1b2", 2));
            sink.accept(new TestDocument(DocumentKind.ROLLUP, "bucket-1", 3));
            sink.accept(new TestDocument(DocumentKind.STATS, "stats-1", 4));
            sink.flush();
            assertEquals(4, sink.counters().acked());
        }
        List<ConsumerRecord<byte[], byte[]>> got = broker.readAll(topics("kinds"), 4, Duration.ofSeconds(20));
        Map<String, String> topicByKey = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : got) {
            topicByKey.put(new String(r.key(), StandardCharsets.UTF_8), r.topic());
        }
        assertEquals(Map.of("flow-1", "kinds.sessions", "a1b2", "kinds.certificates", "bucket-1", "kinds.rollups",
                "stats-1", "kinds.stats"), topicByKey);
        assertEquals("{\"n\":2}", got.stream().filter(r -> r.topic().equals("kinds.certificates"))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).findFirst().orElseThrow());
    }

    @Test
    void brokerStoppedInTheMiddleOfAReplayAndStartedAgainLosesAndRepeatsNothing() throws Exception {
        SyntheticCapture capture = new SyntheticCapture(SynthSettings.of(Mix.HANDSHAKE_HEAVY, 1500).withSeed(7));
        List<String> keys = new ArrayList<>();
        CompletableFuture<Void> restarted = new CompletableFuture<>();
        KafkaDocumentSink kafka = KafkaDocumentSink.open(config("outage", Duration.ofSeconds(60)));
        DocumentSink outage = new DocumentSink() {
            @Override
            public void accept(Document d) throws IOException {
                keys.add(d.key());
                if (keys.size() == 500) {
                    // What was sent is acknowledged; then the broker goes for longer than a delivery timeout.
                    kafka.flush();
                    broker.stop();
                    CompletableFuture.runAsync(broker::start, CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS))
                            .whenComplete((v, e) -> restarted.complete(null));
                }
                kafka.accept(d);
            }

            @Override
            public void flush() throws IOException {
                kafka.flush();
            }

            @Override
            public void close() throws IOException {
                try {
                    restarted.get(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IOException("the broker did not come back", e);
                }
                kafka.close();
            }
        };
        try (outage) {
            Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(4096).withWorkers(1), outage);
            PacketRecord packet = new PacketRecord();
            capture.writeTo((time, buffer, offset, length) -> {
                packet.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
                analyzer.onPacket(packet);
            }, SynthProgress.NONE);
            analyzer.finish();
        }
        KafkaSinkCounters c = kafka.counters();
        assertTrue(keys.size() > 1500, "sessions and certificates: " + keys.size());
        assertTrue(c.spooled() > 0, "the outage sent records to the spool");
        assertEquals(0, c.lost());
        assertEquals(c.spooled(), c.resent(), "every spooled record was sent once the broker was back");
        assertEquals(keys.size(), c.acked() + c.resent());
        assertTrue(kafka.spool().isEmpty());

        List<ConsumerRecord<byte[], byte[]>> got = broker.readAll(topics("outage"), keys.size(), Duration.ofSeconds(60));
        Map<String, Integer> counts = keyCounts(got);
        Map<String, Integer> expected = new HashMap<>();
        keys.forEach(k -> expected.merge(k, 1, Integer::sum));
        assertEquals(expected.size(), counts.size(), "every key arrived");
        assertEquals(expected, counts, "and each as often as it was sent: none twice");
    }

    @Test
    void closingWhileTheBrokerIsDownKeepsTheRecordsOnDiskForTheNextRun() throws Exception {
        broker.stop();
        try {
            try (KafkaDocumentSink sink = KafkaDocumentSink.open(config("later", Duration.ofSeconds(2)))) {
                for (int i = 0; i < 20; i++) {
                    sink.accept(new TestDocument(DocumentKind.SESSION, "s" + i, i));
                }
                sink.close();
                assertEquals(0, sink.counters().acked());
                assertEquals(20, sink.counters().spooled());
                assertEquals(0, sink.counters().lost());
                assertTrue(sink.spool().bytes() > 0);
            }
        } finally {
            broker.start();
        }
        try (KafkaDocumentSink next = KafkaDocumentSink.open(config("later", Duration.ofSeconds(30)))) {
            next.accept(new TestDocument(DocumentKind.SESSION, "s20", 20));
            next.close();
            // The new record follows the earlier run's through the spool, so that order is kept.
            assertEquals(21, next.counters().resent());
            assertEquals(1, next.counters().spooled());
            assertTrue(next.spool().isEmpty());
        }
        List<ConsumerRecord<byte[], byte[]>> got = broker.readAll(List.of("later.sessions"), 21, Duration.ofSeconds(30));
        assertEquals(21, keyCounts(got).size());
        List<String> order = got.stream().filter(r -> r.partition() == got.get(0).partition())
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
        List<Integer> ns = order.stream().map(v -> Integer.parseInt(v.replaceAll("\\D", ""))).toList();
        assertEquals(ns.stream().sorted().toList(), ns, "in one partition, records come in the order they were given");
    }
}
