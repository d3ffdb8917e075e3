package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.verdict.Verdict;

/** Sessions counted per {@link Verdict}: one row of a report's table or one bucket of its time series. */
public final class VerdictCounts {
    private final long[] counts = new long[Verdict.values().length];

    void add(Verdict verdict) {
        counts[verdict.ordinal()]++;
    }

    void addAll(VerdictCounts other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
    }

    /** Sessions judged {@code verdict}. */
    public long of(Verdict verdict) {
        return counts[verdict.ordinal()];
    }

    /** Sessions of every verdict. */
    public long total() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Intercepted and suspected sessions. */
    public long affected() {
        return of(Verdict.INTERCEPTED) + of(Verdict.SUSPECTED);
    }
}
