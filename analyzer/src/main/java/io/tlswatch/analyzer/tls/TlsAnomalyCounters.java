package io.tlswatch.analyzer.tls;

/**
 * Counts per {@link TlsAnomaly} and of directions found not to be TLS: one plain array, written by
 * the single worker thread that owns the decoders (a listener calls {@link #count}); merged for
 * reporting with {@link #add}.
 */
public final class TlsAnomalyCounters {
    private static final TlsAnomaly[] ANOMALIES = TlsAnomaly.values();
    private final long[] counts = new long[ANOMALIES.length];
    private long notTls;

    public void count(TlsAnomaly anomaly) {
        counts[anomaly.ordinal()]++;
    }

    public void countNotTls() {
        notTls++;
    }

    public long get(TlsAnomaly anomaly) {
        return counts[anomaly.ordinal()];
    }

    public long notTls() {
        return notTls;
    }

    /** Adds another counter set into this one (for merging per-thread counters). */
    public void add(TlsAnomalyCounters other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        notTls += other.notTls;
    }
}
