package io.tlswatch.analyzer.quic;

/**
 * Counts per {@link QuicOutcome}: one plain array written by the single worker thread that owns
 * the trackers feeding it; merged for reporting with {@link #add}.
 */
public final class QuicCounters {
    private static final QuicOutcome[] OUTCOMES = QuicOutcome.values();
    private final long[] counts = new long[OUTCOMES.length];

    public void count(QuicOutcome outcome) {
        counts[outcome.ordinal()]++;
    }

    public long get(QuicOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    /** Adds another counter set into this one (for merging per-thread counters). */
    public void add(QuicCounters other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** The non-zero counts, "CLIENT_INITIAL=3 CLIENT_HELLO=1", for logs and test messages. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (QuicOutcome o : OUTCOMES) {
            if (counts[o.ordinal()] != 0) {
                out.append(out.length() == 0 ? "" : " ").append(o.name()).append('=').append(counts[o.ordinal()]);
            }
        }
        return out.toString();
    }
}
