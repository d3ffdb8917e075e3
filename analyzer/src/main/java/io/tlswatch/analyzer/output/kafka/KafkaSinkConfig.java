package io.tlswatch.analyzer.output.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How the Kafka sink runs: the producer's properties, the topics, the spool and how long closing
 * may wait for Kafka.
 *
 * @param producer      Kafka producer properties: {@link #producerDefaults()} under the user's
 * @param spoolDir      the spool's folder (one sink at a time)
 * @param spoolMaxBytes most bytes the spool holds; records past it are lost and counted
 * @param segmentBytes  a spool segment rolls at this size
 * @param closeTimeout  how long closing waits for Kafka to take what is buffered and spooled; what
 *                      it did not take by then stays in the spool for the next run
 */
public record KafkaSinkConfig(Properties producer, KafkaTopics topics, Path spoolDir, long spoolMaxBytes,
                              long segmentBytes, Duration closeTimeout) {
    /** The spool's bound when none is given. */
    public static final long DEFAULT_SPOOL_BYTES = 1L << 30;
    /** A spool segment's size when none is given. */
    public static final long DEFAULT_SEGMENT_BYTES = 16L << 20;

    public KafkaSinkConfig {
        producer = copy(producer);
    }

    /**
     * What the sink asks of a producer unless the user says otherwise: every in-sync replica
     * acknowledges (acks=all), the idempotent producer (no duplicates from its own retries),
     * batching with zstd compression, and a short max.block.ms so a broker that cannot be reached
     * sends records to the spool within seconds rather than holding the analyzer up for a minute.
     */
    public static Properties producerDefaults() {
        Properties p = new Properties();
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("max.in.flight.requests.per.connection", "5");
        p.put("compression.type", "zstd");
        p.put("linger.ms", "20");
        p.put("batch.size", Integer.toString(256 << 10));
        p.put("max.block.ms", "5000");
        p.put("delivery.timeout.ms", "120000");
        return p;
    }

    /** Defaults, then the user's properties over them (a config file's TLS or SASL settings), then the bootstrap. */
    public static Properties producerProperties(String bootstrap, Map<?, ?> user) {
        Properties p = producerDefaults();
        p.putAll(user);
        if (bootstrap != null) {
            p.put("bootstrap.servers", bootstrap);
        }
        return p;
    }

    @Override
    public Properties producer() {
        return copy(producer);
    }

    private static Properties copy(Properties p) {
        Properties c = new Properties();
        c.putAll(p);
        return c;
    }
}
