package io.tlswatch.dashboards.indexer;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * How an indexer runs.
 *
 * @param kafka            Kafka client properties (bootstrap.servers, and any TLS or SASL settings),
 *                         used for the consumer and the dead-letter producer
 * @param topicPrefix      the analyzer's topic prefix
 * @param groupId          the consumer group: indexers with the same group share the partitions
 * @param elasticsearchUrl e.g. {@code http://127.0.0.1:9200}
 * @param batchRecords     most records per poll, and so per bulk request
 * @param exitWhenIdle     stop after this long without a record (null: run until stopped)
 */
public record IndexerConfig(Properties kafka, String topicPrefix, String groupId, String elasticsearchUrl,
                            int batchRecords, Duration exitWhenIdle) {
    public static final String DEFAULT_GROUP = "tlswatch-indexer";
    public static final int DEFAULT_BATCH = 1000;

    public IndexerConfig {
        Properties copy = new Properties();
        copy.putAll(kafka);
        kafka = copy;
        if (batchRecords < 1) {
            throw new IllegalArgumentException("a batch is at least one record");
        }
    }

    /** The consumer's properties: the user's, with what at-least-once needs forced over them. */
    Properties consumerProperties() {
        Properties p = new Properties();
        p.put("auto.offset.reset", "earliest");
        p.put("max.poll.interval.ms", "600000");
        p.putAll(kafka);
        p.put("group.id", groupId);
        p.put("enable.auto.commit", "false");
        p.put("max.poll.records", Integer.toString(batchRecords));
        p.put("metadata.max.age.ms", p.getOrDefault("metadata.max.age.ms", "5000"));
        return p;
    }

    /** The dead-letter producer's properties: acknowledged by every in-sync replica, idempotent. */
    Properties producerProperties() {
        Properties p = new Properties();
        p.putAll(kafka);
        p.putAll(Map.of("acks", "all", "enable.idempotence", "true"));
        return p;
    }
}
