package io.tlswatch.cli.stack;

import io.tlswatch.dashboards.indexer.Indexer;
import io.tlswatch.dashboards.indexer.IndexerConfig;
import io.tlswatch.dashboards.indexer.IndexerCounters;
import java.io.IOException;
import java.time.Duration;
import java.util.Properties;

/**
 * The stack's indexer on a thread of this JVM: the sensors' topics into Elasticsearch, as
 * {@code tlswatch index} does. {@link #awaitCaughtUp} waits until it has committed every record
 * the topics hold.
 */
public final class IndexerService implements StackService {
    private final String topicPrefix;
    private Indexer indexer;
    private Thread worker;
    private Properties kafka;

    IndexerService(String topicPrefix) {
        this.topicPrefix = topicPrefix;
    }

    @Override
    public String name() {
        return "indexer";
    }

    @Override
    public void start(StackContext context) {
        kafka = new Properties();
        kafka.put("bootstrap.servers", context.address(StackContext.KAFKA));
        indexer = new Indexer(new IndexerConfig(kafka, topicPrefix, IndexerConfig.DEFAULT_GROUP,
                context.address(StackContext.ELASTICSEARCH), IndexerConfig.DEFAULT_BATCH, null));
        worker = new Thread(indexer, "tlswatch-indexer");
        worker.start();
    }

    public IndexerCounters counters() {
        return indexer.counters();
    }

    /**
     * Waits until the indexer's committed offsets reach the end of every topic it reads.
     *
     * @return whether it caught up before the timeout
     */
    public boolean awaitCaughtUp(Duration timeout) throws IOException {
        try (IndexerLag lag = new IndexerLag(kafka, topicPrefix, IndexerConfig.DEFAULT_GROUP)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!worker.isAlive()) {
                    throw new IOException("the indexer stopped");
                }
                if (lag.records() == 0) {
                    return true;
                }
                Thread.sleep(250);
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the indexer", e);
        }
    }

    @Override
    public void stop() {
        if (indexer == null) {
            return;
        }
        indexer.stop();
        try {
            worker.join(30_000);
            indexer.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // closing the clients of a stopped indexer: nothing left to lose
        }
    }
}
