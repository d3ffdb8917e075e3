package io.tlswatch.cli.stack;

import io.tlswatch.dashboards.indexer.IndexTopics;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records an indexer's consumer group has yet to commit: the end offset of every
 * partition of the topics it reads, less the group's committed offset (none committed: all of
 * them). Read with the Kafka admin client.
 */
final class IndexerLag implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final Pattern topics;
    private final String group;

    IndexerLag(Properties kafka, String topicPrefix, String group) {
        Properties p = new Properties();
        p.put("bootstrap.servers", kafka.getProperty("bootstrap.servers"));
        this.admin = Admin.create(p);
        this.topics = new IndexTopics(topicPrefix).subscription();
        this.group = group;
    }

    /** Records in the indexer's topics past what its group committed. */
    long records() throws IOException, InterruptedException {
        try {
            List<String> names = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).stream()
                    .filter(n -> topics.matcher(n).matches()).toList();
            if (names.isEmpty()) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            for (TopicDescription d : admin.describeTopics(names).allTopicNames().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .values()) {
                d.partitions().forEach(p -> ends.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, Long> end = admin.listOffsets(ends).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata c = committed.get(e.getKey());
                lag += Math.max(0, e.getValue() - (c == null ? 0 : c.offset()));
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot read the indexer's lag from Kafka: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
