package io.tlswatch.analyzer.output.kafka;

import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes documents to Kafka, one topic per kind ({@link KafkaTopics}), keyed by the document's
 * key (a session's flow id, a certificate's SHA-256, a rollup's bucket key), so that retries and
 * replays land on the same Elasticsearch documents and the same partition.
 *
 * <p>Nothing is lost silently. A record Kafka cannot take (the broker unreachable past
 * {@code max.block.ms}, or its delivery timed out) goes to the on-disk {@link Spool}, and so does
 * every later record until a drainer thread has sent the spool, oldest segment first and each
 * segment only once the broker acknowledged every one of its records, so records reach Kafka in the
 * order they came. A record that does not fit in the spool is counted lost. Closing waits up to the
 * configured time for Kafka to take what is buffered and spooled; what it did not take stays on
 * disk, fsync'd, and is sent first by the next sink on the same spool.
 *
 * <p>{@link #accept} is called by one thread (the analyzer's sink); {@link #close()} may also come
 * from a shutdown hook (SIGTERM), after which documents still arriving are counted lost.
 */
public final class KafkaDocumentSink implements DocumentSink {
    private static final long DRAIN_IDLE_MS = 100;
    private static final long RETRY_BACKOFF_MS = 500;

    private final Producer<byte[], byte[]> producer;
    private final KafkaTopics topics;
    private final Spool spool;
    private final Duration closeTimeout;
    private final KafkaSinkCounters counters = new KafkaSinkCounters();
    private final DocumentBytes bytes = new DocumentBytes();
    private final Object lock = new Object();
    private final Thread drainer;
    /** Records go to the spool, not to Kafka, until the drainer found it empty. */
    private volatile boolean spooling;
    private volatile boolean stopDraining;
    private boolean closed;

    KafkaDocumentSink(Producer<byte[], byte[]> producer, KafkaTopics topics, Spool spool, Duration closeTimeout) {
        this.producer = producer;
        this.topics = topics;
        this.spool = spool;
        this.closeTimeout = closeTimeout;
        this.spooling = !spool.isEmpty();
        this.drainer = new Thread(this::drain, "tlswatch-spool-drainer");
        this.drainer.setDaemon(true);
        this.drainer.start();
    }

    /**
     * Opens the spool (sending first what an earlier run left in it) and the producer.
     *
     * @throws IOException if the spool cannot be opened
     */
    public static KafkaDocumentSink open(KafkaSinkConfig config) throws IOException {
        Spool spool = Spool.open(config.spoolDir(), config.spoolMaxBytes(), config.segmentBytes());
        try {
            Producer<byte[], byte[]> producer = new KafkaProducer<>(config.producer(), new ByteArraySerializer(),
                    new ByteArraySerializer());
            return new KafkaDocumentSink(producer, config.topics(), spool, config.closeTimeout());
        } catch (KafkaException e) {
            spool.close();
            throw new IOException("cannot start the Kafka producer: " + e.getMessage(), e);
        }
    }

    @Override
    public void accept(Document document) throws IOException {
        counters.accepted.increment();
        String topic = topics.topic(document.kind());
        byte[] key = document.key() == null ? null : document.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = bytes.of(document);
        synchronized (lock) {
            if (closed) {
                counters.lost.increment();
                return;
            }
            if (spooling) {
                toSpool(topic, key, value);
                return;
            }
        }
        send(topic, key, value);
    }

    private void send(String topic, byte[] key, byte[] value) {
        try {
            producer.send(new ProducerRecord<>(topic, key, value), (metadata, error) -> {
                if (error == null) {
                    counters.acked.increment();
                } else {
                    failed(topic, key, value);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            failed(topic, key, value);
        }
    }

    /** Kafka did not take a record: it and every later one go to the spool. */
    private void failed(String topic, byte[] key, byte[] value) {
        counters.sendFailures.increment();
        synchronized (lock) {
            spooling = true;
            toSpool(topic, key, value);
        }
    }

    private void toSpool(String topic, byte[] key, byte[] value) {
        try {
            if (spool.append(topic, key, value)) {
                counters.spooled.increment();
            } else {
                counters.lost.increment();
            }
        } catch (IOException e) {
            counters.lost.increment();
        }
    }

    /** The drainer: sends the spool's segments oldest first; back to direct sends once it is empty. */
    private void drain() {
        while (!stopDraining) {
            try {
                synchronized (lock) {
                    if (spool.isEmpty()) {
                        spooling = false;
                    }
                }
                if (!spooling) {
                    Thread.sleep(DRAIN_IDLE_MS);
                    continue;
                }
                SpoolSegment segment = spool.oldest();
                if (segment != null && deliver(segment)) {
                    spool.complete(segment);
                    counters.resent.add(segment.records().size());
                } else {
                    Thread.sleep(RETRY_BACKOFF_MS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (IOException | RuntimeException e) {
                sleepQuietly();
            }
        }
    }

    /** Sends a segment's records, the first alone as a probe; true once Kafka acknowledged all. */
    private boolean deliver(SpoolSegment segment) throws InterruptedException {
        int n = segment.records().size();
        if (n == 0) {
            return true;
        }
        if (!sendAll(segment, 0, 1)) {
            return false;
        }
        return sendAll(segment, 1, n);
    }

    private boolean sendAll(SpoolSegment segment, int from, int to) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(to - from);
        AtomicInteger failures = new AtomicInteger();
        for (int i = from; i < to; i++) {
            SpoolRecord r = segment.records().get(i);
            try {
                producer.send(new ProducerRecord<>(r.topic(), r.key(), r.value()), (metadata, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                    }
                    done.countDown();
                });
            } catch (KafkaException | IllegalStateException e) {
                failures.incrementAndGet();
                done.countDown();
            }
        }
        while (!done.await(DRAIN_IDLE_MS, TimeUnit.MILLISECONDS)) {
            if (stopDraining) {
                return false;
            }
        }
        return failures.get() == 0;
    }

    /** Waits for Kafka to acknowledge what was sent (records it fails go to the spool), and syncs the spool. */
    @Override
    public void flush() throws IOException {
        try {
            producer.flush();
        } catch (KafkaException e) {
            // the failed records went to the spool through their callbacks
        }
        spool.sync();
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            if (closed) {
                return;
            }
        }
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            producer.flush();
        } catch (KafkaException e) {
            // failed records are in the spool
        }
        while (spooling && System.nanoTime() < deadline) {
            sleepQuietly();
        }
        stopDraining = true;
        drainer.interrupt();
        try {
            drainer.join(TimeUnit.NANOSECONDS.toMillis(Math.max(0, deadline - System.nanoTime())) + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        } catch (KafkaException e) {
            // what it did not send failed into the spool
        }
        synchronized (lock) {
            closed = true;
            spool.close();
        }
    }

    public KafkaSinkCounters counters() {
        return counters;
    }

    /** The spool, for its counters (corrupt tails skipped, bytes waiting). */
    public Spool spool() {
        return spool;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(DRAIN_IDLE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
