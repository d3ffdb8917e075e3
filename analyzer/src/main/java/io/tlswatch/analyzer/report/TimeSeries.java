package io.tlswatch.analyzer.report;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Sessions over time in buckets whose width grows with the span seen, so that a replay of a
 * minute and one of a month both give at most {@link #MAX_BUCKETS} buckets. Widths come from a
 * ladder ({@link #WIDTHS_SECONDS}) where each width divides the next, and buckets start at
 * multiples of their width since the epoch, so coarsening only merges whole buckets. Past the
 * widest rung the oldest buckets are dropped, and their sessions counted ({@link #droppedSessions()}).
 */
public final class TimeSeries {
    /** Most buckets from the first to the last. */
    public static final int MAX_BUCKETS = 240;
    /** Bucket widths tried in order: 1 s up to a week, each a multiple of the one before. */
    static final long[] WIDTHS_SECONDS = {1, 5, 10, 30, 60, 300, 600, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 604_800};

    private final int maxBuckets;
    private final int maxClients;
    private int rung;
    private TreeMap<Long, TimeBucket> buckets = new TreeMap<>();
    private long droppedSessions;

    public TimeSeries() {
        this(MAX_BUCKETS, TimeBucket.MAX_CLIENTS);
    }

    /** With other bounds (tests reach them with a few sessions). */
    TimeSeries(int maxBuckets, int maxClients) {
        if (maxBuckets < 2) {
            throw new IllegalArgumentException("at least two buckets, not " + maxBuckets);
        }
        this.maxBuckets = maxBuckets;
        this.maxClients = maxClients;
    }

    void add(SessionFacts s) {
        long millis = Math.floorDiv(s.timeNanos(), 1_000_000L);
        long start = floor(millis, widthMillis());
        while (!fits(start) && rung < WIDTHS_SECONDS.length - 1) {
            coarsen();
            start = floor(millis, widthMillis());
        }
        if (!fits(start)) {
            if (start < buckets.firstKey()) {
                droppedSessions++;
                return;
            }
            dropOldestBefore(start - (maxBuckets - 1) * widthMillis());
        }
        buckets.computeIfAbsent(start, k -> new TimeBucket(k, maxClients)).add(s);
    }

    /** Whether a bucket starting at {@code start} keeps the span within the bound. */
    private boolean fits(long start) {
        if (buckets.isEmpty()) {
            return true;
        }
        long first = Math.min(buckets.firstKey(), start);
        long last = Math.max(buckets.lastKey(), start);
        return (last - first) / widthMillis() < maxBuckets;
    }

    private void coarsen() {
        rung++;
        long width = widthMillis();
        TreeMap<Long, TimeBucket> merged = new TreeMap<>();
        for (TimeBucket b : buckets.values()) {
            merged.computeIfAbsent(floor(b.startMillis(), width), k -> new TimeBucket(k, maxClients)).addAll(b);
        }
        buckets = merged;
    }

    private void dropOldestBefore(long keepFrom) {
        while (!buckets.isEmpty() && buckets.firstKey() < keepFrom) {
            droppedSessions += buckets.pollFirstEntry().getValue().sessions().total();
        }
    }

    private static long floor(long millis, long width) {
        return Math.floorDiv(millis, width) * width;
    }

    /** The buckets' width now, milliseconds. */
    public long widthMillis() {
        return WIDTHS_SECONDS[rung] * 1000L;
    }

    /** Every bucket from the first to the last, empty ones included, oldest first. */
    public List<TimeBucket> buckets() {
        List<TimeBucket> dense = new ArrayList<>();
        if (buckets.isEmpty()) {
            return dense;
        }
        long width = widthMillis();
        for (long t = buckets.firstKey(); t <= buckets.lastKey(); t += width) {
            TimeBucket b = buckets.get(t);
            dense.add(b != null ? b : new TimeBucket(t, maxClients));
        }
        return dense;
    }

    /** Sessions older than the widest span kept (only past the ladder's last rung). */
    public long droppedSessions() {
        return droppedSessions;
    }

    /** How many buckets hold sessions (for tests of the bound). */
    int occupied() {
        return buckets.size();
    }
}
