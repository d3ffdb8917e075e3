package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.KafkaAndElasticsearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensor killed (SIGKILL: no hook runs) in the middle of a replay into a real Kafka, then run
 * again on the same capture with the same spool: every session is in a real Elasticsearch exactly
 * once. What the first run handed to Kafka is there under its content id; the second run
 * re-produces everything under the same ids, and the indexer counts the repeats as already
 * indexed, so the counters account for every record.
 */
class SensorCrashTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "crash";
    private static final int FLOWS = 6_000;
    private static KafkaAndElasticsearch stack;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        stack = KafkaAndElasticsearch.launch(3);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aSensorKilledMidReplayAndRunAgainLeavesEverySessionInElasticsearchOnce() throws Exception {
        Path capture = dir.resolve("heavy.pcap");
        StringWriter synthErr = new StringWriter();
        assertEquals(0, Tlswatch.run(new String[] {"synth", "-q", "--mix", "handshake-heavy", "--flows", String.valueOf(FLOWS),
                "--sites", "40", "--write-roots", dir.toString(), "-o", capture.toString()}, new PrintWriter(synthErr, true), Map.of()),
                synthErr.toString());
        List<String> replay = List.of("replay", "--sensor", "crash", "--kafka", stack.broker().bootstrapServers(), "--topic-prefix", PREFIX,
                "--spool", dir.resolve("spool").toString(), "--progress", "never", "--workers", "1",
                "--extra-roots", dir.resolve("synth-public-roots.pem").toString(), capture.toString());

        // 1. The first run dies without warning once Kafka has some of its sessions.
        List<String> command = ChildTlswatch.command(replay.toArray(String[]::new));
        Process first = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve("first.txt").toFile()).start();
        long seen = waitForSessions(first, 100);
        assertTrue(first.isAlive(), "the first run was still replaying when it was killed (Kafka had " + seen + " sessions)");
        first.destroyForcibly();
        assertTrue(first.waitFor(20, TimeUnit.SECONDS));
        assertTrue(seen < FLOWS, "killed part-way: " + seen + " of " + FLOWS + " sessions had reached Kafka");

        // 2. The second run, same capture, same spool.
        StringWriter secondErr = new StringWriter();
        assertEquals(0, Tlswatch.run(replay.toArray(String[]::new), new PrintWriter(secondErr, true), Map.of()), secondErr.toString());
        String summary = secondErr.toString();
        assertEquals(FLOWS, number(summary, "tls sessions +([0-9,]+) "), summary);
        assertTrue(summary.contains("lost 0;"), summary);

        // 3. Index everything Kafka holds, the first run's records and the second's.
        StringWriter indexErr = new StringWriter();
        assertEquals(0, Tlswatch.run(new String[] {"index", "--kafka", stack.broker().bootstrapServers(), "--elasticsearch",
                stack.elasticsearch().url(), "--topic-prefix", PREFIX, "--exit-when-idle", "3"}, new PrintWriter(indexErr, true), Map.of()),
                indexErr.toString());
        String indexed = indexErr.toString();
        assertTrue(indexed.contains("dead-lettered 0"), indexed);
        assertTrue(number(indexed, "already there ([0-9,]+)") >= seen,
                "the first run's records came again and were counted as already there: " + indexed);

        es("/tlswatch-sessions/_refresh", null);
        JsonNode sessions = es("/tlswatch-sessions/_search", "{\"size\":0,\"track_total_hits\":true,"
                + "\"query\":{\"term\":{\"observer.name\":\"crash\"}},"
                + "\"aggs\":{\"flows\":{\"cardinality\":{\"field\":\"tlswatch.flow_id\",\"precision_threshold\":40000}}}}");
        assertEquals(FLOWS, sessions.path("hits").path("total").path("value").asLong(), "every session once: " + sessions);
        assertEquals(FLOWS, sessions.path("aggregations").path("flows").path("value").asLong(), "no flow twice");
    }

    /** Polls the sessions topic until {@code atLeast} records are there or the process ended; how many were seen. */
    private static long waitForSessions(Process process, int atLeast) {
        var properties = stack.broker().clientProperties(Map.of("group.id", "crash-watch", "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"));
        long seen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(PREFIX + ".sessions"));
            while (seen < atLeast && process.isAlive() && System.nanoTime() < deadline) {
                seen += consumer.poll(Duration.ofMillis(50)).count();
            }
        }
        return seen;
    }

    private static long number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static JsonNode es(String path, String body) throws IOException {
        return JSON.readTree(stack.post(path, body));
    }
}
