package io.tlswatch.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A one-node Kafka broker in KRaft combined mode (broker and controller) in this JVM, listening
 * on 127.0.0.1 only, its log under a folder the caller gives. The log is formatted on the first
 * start and reused after (a second run of the demo finds its topics and offsets). {@link #stop()}
 * and {@link #start()} take it down and bring it back on the same ports and log; nothing here
 * deletes the folder.
 *
 * <p>Needs {@code org.apache.kafka:kafka_2.13} on the class path (an optional dependency of this
 * module).
 */
public final class EmbeddedKafka implements AutoCloseable {
    private final int port;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private EmbeddedKafka(int port, KafkaConfig config) {
        this.port = port;
        this.config = config;
    }

    /** A PKCS #12 key store holding the broker's key and certificate, for a TLS client listener. */
    public record Tls(Path keyStore, String password) {
    }

    /**
     * Formats {@code dir}'s log unless it holds one already, and starts the broker.
     *
     * @param port the client port, 0 for a free one
     * @param partitions per auto-created topic
     */
    public static EmbeddedKafka start(Path dir, int port, int partitions) throws IOException {
        return start(dir, port, partitions, null);
    }

    /**
     * As {@link #start(Path, int, int)}, with clients served over TLS when {@code tls} is given: the
     * client port is then an SSL listener (the broker talks to itself in plaintext on another
     * loopback port).
     */
    public static EmbeddedKafka start(Path dir, int port, int partitions, Tls tls) throws IOException {
        int clientPort = LoopbackPorts.orFree(port);
        int controllerPort = LoopbackPorts.free();
        Path log = dir.resolve("log");
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("controller.listener.names", "CONTROLLER");
        if (tls == null) {
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
        } else {
            int internalPort = LoopbackPorts.free();
            p.put("listeners", "SSL://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort
                    + ",CONTROLLER://127.0.0.1:" + controllerPort);
            p.put("advertised.listeners", "SSL://127.0.0.1:" + clientPort + ",INTERNAL://127.0.0.1:" + internalPort);
            p.put("listener.security.protocol.map", "SSL:SSL,INTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "INTERNAL");
            p.put("ssl.keystore.location", tls.keyStore().toString());
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.password", tls.password());
            p.put("ssl.key.password", tls.password());
        }
        p.put("log.dirs", log.toString());
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
        if (!Files.isRegularFile(log.resolve("meta.properties"))) {
            format(log, config);
        }
        EmbeddedKafka broker = new EmbeddedKafka(clientPort, config);
        broker.start();
        return broker;
    }

    private static void format(Path log, KafkaConfig config) throws IOException {
        Files.createDirectories(log);
        try {
            new Formatter().setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setClusterId(Uuid.randomUuid().toString())
                    .setNodeId(1)
                    .setDirectories(List.of(log.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(config.metadataLogDir())
                    .run();
        } catch (Exception e) {
            throw new IOException("cannot format the Kafka log in " + log + ": " + e.getMessage(), e);
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

    /** Stops the broker; its folder stays. */
    @Override
    public void close() {
        stop();
    }
}
