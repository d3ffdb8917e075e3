package io.tlswatch.cli;

import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.output.JsonLinesSink;
import io.tlswatch.analyzer.output.kafka.KafkaDocumentSink;
import io.tlswatch.analyzer.output.kafka.KafkaSinkConfig;
import io.tlswatch.analyzer.output.kafka.KafkaTopics;
import io.tlswatch.analyzer.rollup.ClientSubnet;
import io.tlswatch.analyzer.rollup.RollupSink;
import io.tlswatch.analyzer.rollup.Rollups;
import io.tlswatch.analyzer.rollup.SessionSelection;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import picocli.CommandLine.Option;

/**
 * Where the documents of a command that analyses traffic go, and which: JSON Lines, or Kafka with
 * its spool; every session, only the suspicious ones, or none (rollups count them all). Shared by
 * {@code replay} and {@code capture} as a picocli mixin.
 */
final class OutputOptions {
    /** Minutes of rollups stay open this long past their end for sessions that finish late. */
    private static final long ROLLUP_LATENESS_NANOS = 300_000_000_000L;
    private static final int MAX_OPEN_BUCKETS = 1_000_000;

    @Option(names = "--kafka", paramLabel = "BOOTSTRAP",
            description = "Publish to Kafka at these bootstrap servers (host:port,...) instead of writing JSON Lines "
                    + "(also $TLSWATCH_KAFKA).")
    String kafka;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka producer properties (TLS, SASL, batching...) over tlswatch's defaults "
                    + "(acks=all, idempotent, zstd) (also $TLSWATCH_KAFKA_CONFIG).")
    Path kafkaConfig;

    @Option(names = "--topic-prefix", paramLabel = "PREFIX", defaultValue = KafkaTopics.DEFAULT_PREFIX,
            description = "Topics are PREFIX.sessions, PREFIX.certificates, PREFIX.rollups, PREFIX.stats.")
    String topicPrefix;

    @Option(names = "--spool", paramLabel = "DIR",
            description = "Where records wait while Kafka cannot take them, sent first on the next start "
                    + "(default: tlswatch-spool in the temp folder).")
    Path spool;

    @Option(names = "--spool-max", paramLabel = "MiB", defaultValue = "1024",
            description = "Most the spool holds; records past it are lost, and counted.")
    long spoolMaxMiB;

    @Option(names = "--kafka-close-timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "At the end, how long to wait for Kafka to take what is pending; the rest stays in the spool "
                    + "and is sent first by the next run.")
    int kafkaCloseTimeoutSeconds;

    @Option(names = "--sessions", paramLabel = "WHICH", defaultValue = "all",
            description = "Session documents written: all, suspicious (intercepted or suspected) or none; "
                    + "rollups count every session.")
    String sessions;

    @Option(names = "--subnet-prefix", paramLabel = "V4,V6", defaultValue = "24,48",
            description = "Prefix lengths of the client subnets rollups count by.")
    String subnetPrefix;

    private KafkaDocumentSink kafkaSink;
    private RollupSink rollupSink;

    /** The sink these options describe, in front of the JSON Lines stream when not publishing to Kafka. */
    DocumentSink open(OutputStreamOpener json, String sensor) throws IOException {
        SessionSelection selection = selection();
        ClientSubnet subnets = subnets();
        DocumentSink out;
        if (publishesToKafka()) {
            kafkaSink = KafkaDocumentSink.open(kafkaConfig());
            out = kafkaSink;
        } else {
            out = new JsonLinesSink(json.open());
        }
        rollupSink = new RollupSink(out, new Rollups(sensor, subnets, ROLLUP_LATENESS_NANOS, MAX_OPEN_BUCKETS), selection);
        return rollupSink;
    }

    /**
     * A shutdown hook (SIGTERM) that flushes the Kafka producer and fsyncs the spool, or null when
     * not publishing to Kafka. Remove it once the sink was closed normally.
     */
    Thread flushOnTermination() {
        if (kafkaSink == null) {
            return null;
        }
        KafkaDocumentSink sink = kafkaSink;
        Thread hook = new Thread(() -> {
            try {
                sink.close();
            } catch (IOException e) {
                System.err.println("tlswatch: closing the Kafka sink: " + e.getMessage());
            }
        }, "tlswatch-kafka-flush");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Summary lines: what the sink did with the documents (after it was closed). */
    List<String> summary() {
        List<String> lines = new ArrayList<>();
        if (rollupSink != null) {
            lines.add(String.format(Locale.ROOT, "  rollups       %,d documents of %,d sessions; session documents "
                            + "written %,d (--sessions %s)", rollupSink.rollups().documents(),
                    rollupSink.rollups().sessions(), rollupSink.sessionsWritten(), sessions));
        }
        if (kafkaSink != null) {
            var c = kafkaSink.counters();
            var s = kafkaSink.spool();
            lines.add(String.format(Locale.ROOT, "  kafka         %,d records: acknowledged %,d, spooled %,d, sent from "
                            + "the spool %,d, lost %,d; spool %s holds %,d bytes (corrupt tails skipped %,d)",
                    c.accepted(), c.acked(), c.spooled(), c.resent(), c.lost(), s.dir(), s.bytes(), s.corruptTails()));
        }
        return lines;
    }

    boolean publishesToKafka() {
        return kafka != null && !kafka.isBlank();
    }

    KafkaSinkConfig kafkaConfig() throws IOException {
        Properties user = kafkaProperties(kafkaConfig);
        if (spoolMaxMiB < 1) {
            throw new IOException("--spool-max must be at least 1 MiB");
        }
        if (kafkaCloseTimeoutSeconds < 0) {
            throw new IOException("--kafka-close-timeout must be 0 or more seconds");
        }
        KafkaTopics topics;
        try {
            topics = new KafkaTopics(topicPrefix);
        } catch (IllegalArgumentException e) {
            throw new IOException("--topic-prefix: " + e.getMessage(), e);
        }
        Path dir = spool != null ? spool : Paths.get(System.getProperty("java.io.tmpdir"), "tlswatch-spool");
        return new KafkaSinkConfig(KafkaSinkConfig.producerProperties(kafka, user), topics, dir,
                spoolMaxMiB << 20, KafkaSinkConfig.DEFAULT_SEGMENT_BYTES, Duration.ofSeconds(kafkaCloseTimeoutSeconds));
    }

    /** A --kafka-config file's properties (none when not given). */
    static Properties kafkaProperties(Path file) throws IOException {
        Properties p = new Properties();
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new IOException("--kafka-config " + file + ": no such file");
            }
            try (InputStream in = Files.newInputStream(file)) {
                p.load(in);
            }
        }
        return p;
    }

    private SessionSelection selection() throws IOException {
        try {
            return SessionSelection.parse(sessions);
        } catch (IllegalArgumentException e) {
            throw new IOException("--sessions must be all, suspicious or none, not " + sessions, e);
        }
    }

    private ClientSubnet subnets() throws IOException {
        String[] parts = subnetPrefix.split(",");
        try {
            return new ClientSubnet(Integer.parseInt(parts[0].trim()),
                    parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 48);
        } catch (IllegalArgumentException e) {
            throw new IOException("--subnet-prefix is V4,V6 prefix lengths (0-32, 0-128), not " + subnetPrefix, e);
        }
    }

    /** Opens the JSON Lines stream, only when it is the output. */
    interface OutputStreamOpener {
        OutputStream open() throws IOException;
    }
}
