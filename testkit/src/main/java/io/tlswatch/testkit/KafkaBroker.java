package io.tlswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker for tests: one node in KRaft combined mode (broker and controller) in the
 * test JVM, listening on 127.0.0.1 only, on ports picked free, with its log in a temp folder of
 * its own. {@link #stop()} and {@link #start()} take it down and bring it back on the same ports
 * and log (a broker outage); {@link #close()} stops it and deletes its folder, and a shutdown
 * hook does the same should a test forget. Starting takes about 1.5 s.
 *
 * <p>The modules whose tests use it declare {@code org.apache.kafka:kafka_2.13} with test scope.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final KafkaConfig config;
    private final Thread hook = new Thread(this::closeQuietly, "kafka-broker-stop");
    private KafkaRaftServer server;

    private KafkaBroker(Path dir, int port, KafkaConfig config) {
        this.dir = dir;
        this.port = port;
        this.config = config;
    }

    /** A PKCS #12 key store holding the broker's key and certificate, for a TLS listener. */
    public record Tls(Path keyStore, String password) {
    }

    /** Formats a fresh log and starts the broker, with {@code partitions} per auto-created topic. */
    public static KafkaBroker launch(int partitions) {
        return launch(partitions, null);
    }

    /**
     * As {@link #launch(int)}, with clients served over TLS when {@code tls} is given: the port
     * {@link #bootstrapServers()} names is then an SSL listener (the broker talks to itself in
     * plaintext on another loopback port).
     */
    public static KafkaBroker launch(int partitions, Tls tls) {
        try {
            Path dir = Files.createTempDirectory("tlswatch-kafka-");
            int port = freePort();
            int controllerPort = freePort();
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            p.put("controller.listener.names", "CONTROLLER");
            if (tls == null) {
                p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
                p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
                p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
                p.put("inter.broker.listener.name", "PLAINTEXT");
            } else {
                int internalPort = freePort();
                p.put("listeners", "SSL://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort
                        + ",CONTROLLER://127.0.0.1:" + controllerPort);
                p.put("advertised.listeners", "SSL://127.0.0.1:" + port + ",INTERNAL://127.0.0.1:" + internalPort);
                p.put("listener.security.protocol.map", "SSL:SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
                p.put("inter.broker.listener.name", "INTERNAL");
                p.put("ssl.keystore.location", tls.keyStore().toString());
                p.put("ssl.keystore.type", "PKCS12");
                p.put("ssl.keystore.password", tls.password());
                p.put("ssl.key.password", tls.password());
            }
            p.put("log.dirs", dir.resolve("log").toString());
            p.put("num.partitions", Integer.toString(partitions));
            // One node: internal topics with one replica, or consumers get nothing.
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "4");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
            p.put("auto.create.topics.enable", "true");
            KafkaConfig config = KafkaConfig.fromProps(p, false);
            new Formatter().setPrintStream(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(dir.resolve("log").toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .run();
            KafkaBroker broker = new KafkaBroker(dir, port, config);
            Runtime.getRuntime().addShutdownHook(broker.hook);
            broker.start();
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a Kafka broker: " + e, e);
        }
    }

    /** {@code 127.0.0.1:port}, for bootstrap.servers. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again on the same ports and log (after {@link #stop()}). */
    public synchronized void start() {
        if (server == null) {
            server = new KafkaRaftServer(config, Time.SYSTEM);
            server.startup();
        }
    }

    /** Stops the broker (its log stays): clients see it gone until {@link #start()}. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public synchronized boolean running() {
        return server != null;
    }

    /** Client properties that reach this broker, with the given extras. */
    public Properties clientProperties(Map<String, String> extra) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrapServers());
        p.putAll(extra);
        return p;
    }

    /**
     * Every record of the topics from their beginning, read until at least {@code atLeast} came
     * and then no more for a moment, or the timeout passed (the caller asserts on what came).
     */
    public List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics, int atLeast, Duration timeout) {
        return readAll(topics, atLeast, timeout, null);
    }

    /** As {@link #readAll(Collection, int, Duration)}, with client properties from a file (a TLS broker's trust store). */
    public List<ConsumerRecord<byte[], byte[]>> readAll(Collection<String> topics, int atLeast, Duration timeout,
                                                        Path clientPropertiesFile) {
        Properties p = clientProperties(Map.of(
                "group.id", "testkit-reader-" + Uuid.randomUuid(),
                "auto.offset.reset", "earliest",
                "enable.auto.commit", "false"));
        if (clientPropertiesFile != null) {
            try (var in = Files.newInputStream(clientPropertiesFile)) {
                p.load(in);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics);
            int quietPolls = 0;
            while (System.nanoTime() < deadline && (all.size() < atLeast || quietPolls < 3)) {
                int before = all.size();
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
                quietPolls = all.size() == before ? quietPolls + 1 : 0;
            }
        }
        return all;
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran
        }
    }

    private void closeQuietly() {
        stop();
        deleteTree(dir);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temp folder left behind is not worth failing a test for
        }
    }
}
