package io.tlswatch.dashboards.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import co.elastic.clients.util.BinaryData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.http.HttpHost;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.elasticsearch.client.RestClient;

/**
 * Consumes the analyzer's topics with a group id and writes each batch to Elasticsearch with one
 * bulk request, each document created under its content id ({@link DocumentId}) in its kind's data
 * stream or index ({@link IndexTopics}). At least once, and never twice: a document Elasticsearch
 * already has (409) counts as done, items it is too busy for (429, 5xx) or a request that found it
 * unreachable are sent again, with backoff, for as long as it takes; items it rejects (any other
 * 4xx) go to the dead-letter topic with the reason. Offsets are committed only after every record of
 * the batch was acknowledged by Elasticsearch or by the dead-letter topic, so a crash redelivers,
 * never skips. Several indexers with the same group share the partitions. Installs the templates on
 * start ({@link IndexTemplates}). One thread runs it; {@link #stop()} may come from another.
 */
public final class Indexer implements Runnable, AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final long MAX_BACKOFF_MS = 5_000;
    /** Header names of a dead letter. */
    public static final String ERROR_HEADER = "tlswatch.error";
    public static final String STATUS_HEADER = "tlswatch.error.status";
    public static final String SOURCE_HEADER = "tlswatch.source";

    private final IndexerConfig config;
    private final IndexTopics topics;
    private final RestClient rest;
    private final ElasticsearchClient es;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> deadLetters;
    private final IndexerCounters counters = new IndexerCounters();
    private volatile boolean stopped;

    public Indexer(IndexerConfig config) {
        this.config = config;
        this.topics = new IndexTopics(config.topicPrefix());
        this.rest = RestClient.builder(HttpHost.create(config.elasticsearchUrl()))
                .setRequestConfigCallback(r -> r.setConnectTimeout(2_000).setSocketTimeout(60_000))
                .build();
        this.es = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        this.consumer = new KafkaConsumer<>(config.consumerProperties(), new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
        this.deadLetters = new KafkaProducer<>(config.producerProperties(), new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    @Override
    public void run() {
        try {
            installTemplates();
            // Offsets are committed after each batch, so nothing is held across a rebalance.
            consumer.subscribe(topics.subscription());
            long lastRecord = System.nanoTime();
            while (!stopped) {
                ConsumerRecords<byte[], byte[]> batch = consumer.poll(POLL);
                if (batch.isEmpty()) {
                    if (config.exitWhenIdle() != null && System.nanoTime() - lastRecord > config.exitWhenIdle().toNanos()) {
                        return;
                    }
                    continue;
                }
                lastRecord = System.nanoTime();
                counters.records.addAndGet(batch.count());
                List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch.count());
                batch.forEach(records::add);
                if (!indexAll(records)) {
                    return;
                }
                commit(records);
            }
        } catch (WakeupException e) {
            // stop() while polling
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void installTemplates() throws InterruptedException {
        long backoff = 100;
        while (!stopped) {
            try {
                IndexTemplates.install(es);
                return;
            } catch (IOException | RuntimeException e) {
                backoff = backoff(backoff);
            }
        }
    }

    /**
     * Writes every record, trying again what Elasticsearch could not take now; false if stopped
     * before all were acknowledged (nothing is committed then).
     */
    private boolean indexAll(List<ConsumerRecord<byte[], byte[]>> records) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> pending = records;
        List<Future<RecordMetadata>> dead = new ArrayList<>();
        long backoff = 100;
        while (!pending.isEmpty()) {
            if (stopped) {
                return false;
            }
            List<ConsumerRecord<byte[], byte[]>> again = new ArrayList<>();
            try {
                BulkResponse response = es.bulk(bulk(pending));
                counters.bulkRequests.incrementAndGet();
                List<BulkResponseItem> items = response.items();
                for (int i = 0; i < pending.size(); i++) {
                    BulkResponseItem item = items.get(i);
                    switch (ItemOutcome.of(item.status())) {
                        case CREATED -> counters.indexed.incrementAndGet();
                        case ALREADY_THERE -> counters.alreadyIndexed.incrementAndGet();
                        case RETRY -> again.add(pending.get(i));
                        case REJECTED -> dead.add(deadLetter(pending.get(i), item));
                    }
                }
            } catch (IOException | RuntimeException unavailable) {
                again = pending;
            }
            if (!again.isEmpty()) {
                counters.retries.incrementAndGet();
                keepMembership();
                backoff = backoff(backoff);
            }
            pending = again;
        }
        return awaitDeadLetters(dead);
    }

    private BulkRequest bulk(List<ConsumerRecord<byte[], byte[]>> records) {
        BulkRequest.Builder b = new BulkRequest.Builder();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            String target = topics.target(r.topic());
            String id = DocumentId.of(r.key(), r.topic(), r.partition(), r.offset());
            BinaryData doc = BinaryData.of(r.value() == null ? new byte[0] : r.value(), "application/json");
            b.operations(op -> op.create(c -> c.index(target).id(id).document(doc)));
        }
        return b.build();
    }

    private Future<RecordMetadata> deadLetter(ConsumerRecord<byte[], byte[]> r, BulkResponseItem item) {
        String reason = item.error() == null ? "status " + item.status()
                : item.error().type() + ": " + item.error().reason();
        ProducerRecord<byte[], byte[]> letter = new ProducerRecord<>(topics.deadLetterTopic(), r.key(), r.value());
        letter.headers().add(ERROR_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(STATUS_HEADER, Integer.toString(item.status()).getBytes(StandardCharsets.UTF_8));
        letter.headers().add(SOURCE_HEADER, (r.topic() + "/" + r.partition() + "/" + r.offset())
                .getBytes(StandardCharsets.UTF_8));
        counters.deadLettered.incrementAndGet();
        return deadLetters.send(letter);
    }

    /** True once the dead-letter topic acknowledged every rejected record of the batch. */
    private boolean awaitDeadLetters(List<Future<RecordMetadata>> dead) throws InterruptedException {
        for (Future<RecordMetadata> f : dead) {
            try {
                f.get();
            } catch (ExecutionException e) {
                // Not acknowledged: stop without committing; the batch is redelivered to the next indexer.
                return false;
            }
        }
        return true;
    }

    /** Commits, per partition, the offset after the batch's last record. */
    private void commit(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try {
            consumer.commitSync(offsets);
            counters.commits.incrementAndGet();
        } catch (KafkaException e) {
            // A rebalance took some partitions meanwhile: their next owner gets the records again,
            // and the ids keep Elasticsearch from counting them twice.
        }
    }

    /**
     * While Elasticsearch is away, polls with every partition paused so the group does not count
     * this indexer as dead; any record it still returns (a partition newly assigned) is put back.
     */
    private void keepMembership() {
        consumer.pause(consumer.assignment());
        try {
            ConsumerRecords<byte[], byte[]> stray = consumer.poll(Duration.ZERO);
            for (TopicPartition tp : stray.partitions()) {
                consumer.seek(tp, stray.records(tp).get(0).offset());
            }
        } finally {
            consumer.resume(consumer.paused());
        }
    }

    private long backoff(long ms) throws InterruptedException {
        Thread.sleep(ms);
        return Math.min(MAX_BACKOFF_MS, ms * 2);
    }

    /** Ends {@link #run()} after the batch in hand (uncommitted if Elasticsearch has not taken it). */
    public void stop() {
        stopped = true;
        consumer.wakeup();
    }

    public IndexerCounters counters() {
        return counters;
    }

    /** The client this indexer writes with (tests and the command's summary use it). */
    public ElasticsearchClient elasticsearch() {
        return es;
    }

    /** Closes the clients; call after {@link #run()} returned. */
    @Override
    public void close() throws IOException {
        try {
            consumer.close(Duration.ofSeconds(5));
        } catch (KafkaException e) {
            // closing anyway
        }
        deadLetters.close(Duration.ofSeconds(10));
        rest.close();
    }
}
