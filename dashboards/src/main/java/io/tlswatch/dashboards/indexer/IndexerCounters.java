package io.tlswatch.dashboards.indexer;

import java.util.concurrent.atomic.AtomicLong;

/** What one indexer did, readable from other threads. */
public final class IndexerCounters {
    final AtomicLong records = new AtomicLong();
    final AtomicLong indexed = new AtomicLong();
    final AtomicLong alreadyIndexed = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong bulkRequests = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong commits = new AtomicLong();

    /** Records consumed. */
    public long records() { return records.get(); }

    /** Documents Elasticsearch created. */
    public long indexed() { return indexed.get(); }

    /** Documents Elasticsearch already had (same id: a redelivery or a replay). */
    public long alreadyIndexed() { return alreadyIndexed.get(); }

    /** Records Elasticsearch rejected, sent to the dead-letter topic. */
    public long deadLettered() { return deadLettered.get(); }

    public long bulkRequests() { return bulkRequests.get(); }

    /** Bulk requests, or items, tried again because Elasticsearch was unavailable or busy. */
    public long retries() { return retries.get(); }

    /** Offset commits, each after Elasticsearch acknowledged every record before it. */
    public long commits() { return commits.get(); }
}
