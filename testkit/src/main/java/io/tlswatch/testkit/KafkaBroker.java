package io.tlswatch.testkit;

import io.tlswatch.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A real Kafka broker for tests: the embedded stack's {@link EmbeddedKafka} (one node in KRaft
 * combined mode in the test JVM, 127.0.0.1 only) on ports picked free, with its log in a temp
 * folder of its own. {@link #stop()} and {@link #start()} take it down and bring it back on the
 * same ports and log (a broker outage); {@link #close()} stops it and deletes its folder, and a
 * shutdown hook does the same should a test forget. Starting takes about 1.5 s.
 *
 * <p>The modules whose tests use it declare {@code org.apache.kafka:kafka_2.13} with test scope.
 */
public final class KafkaBroker implements AutoCloseable {
    private final Path dir;
    private final EmbeddedKafka kafka;
    private final Thread hook = new Thread(this::closeQuietly, "kafka-broker-stop");

    private KafkaBroker(Path dir, EmbeddedKafka kafka) {
        this.dir = dir;
        this.kafka = kafka;
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
     * {@link #bootstrapServers()} names is then an SSL listener.
     */
    public static KafkaBroker launch(int partitions, Tls tls) {
        try {
            Path dir = Files.createTempDirectory("tlswatch-kafka-");
            KafkaBroker broker = new KafkaBroker(dir, EmbeddedKafka.start(dir, 0, partitions,
                    tls == null ? null : new EmbeddedKafka.Tls(tls.keyStore(), tls.password())));
            Runtime.getRuntime().addShutdownHook(broker.hook);
            return broker;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start a Kafka broker: " + e, e);
        }
    }

    /** {@code 127.0.0.1:port}, for bootstrap.servers. */
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** Starts the broker again on the same ports and log (after {@link #stop()}). */
    public void start() {
        kafka.start();
    }

    /** Stops the broker (its log stays): clients see it gone until {@link #start()}. */
    public void stop() {
        kafka.stop();
    }

    public boolean running() {
        return kafka.running();
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
            } catch (IOException e) {
                throw new UncheckedIOException(e);
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
