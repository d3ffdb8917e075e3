package io.tlswatch.capture.decode;

/** Packets per {@link DecodeOutcome}: one plain array, written by the single decoding thread. */
public final class DecodeCounters {
    private static final DecodeOutcome[] OUTCOMES = DecodeOutcome.values();
    private final long[] counts = new long[OUTCOMES.length];

    public void count(DecodeOutcome outcome) {
        counts[outcome.ordinal()]++;
    }

    public long get(DecodeOutcome outcome) {
        return counts[outcome.ordinal()];
    }

    /** Adds another counter set into this one (for merging per-thread counters). */
    public void add(DecodeCounters other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }
}
