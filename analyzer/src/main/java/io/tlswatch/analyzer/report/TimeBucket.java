package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.verdict.Verdict;

/**
 * One interval of a {@link TimeSeries}: sessions per verdict, and distinct clients in all and
 * among the intercepted and the suspected sessions, each exact up to {@link #MAX_CLIENTS}.
 */
public final class TimeBucket {
    /** Most distinct clients each of a bucket's sets keeps; past it the count is a lower bound. */
    public static final int MAX_CLIENTS = 4096;

    private final long startMillis;
    private final VerdictCounts sessions = new VerdictCounts();
    private final DistinctClients clients;
    private final DistinctClients interceptedClients;
    private final DistinctClients suspectedClients;

    TimeBucket(long startMillis, int maxClients) {
        this.startMillis = startMillis;
        this.clients = new DistinctClients(maxClients);
        this.interceptedClients = new DistinctClients(maxClients);
        this.suspectedClients = new DistinctClients(maxClients);
    }

    void add(SessionFacts s) {
        sessions.add(s.verdict());
        long hi = s.endpoints().clientHi();
        long lo = s.endpoints().clientLo();
        clients.add(hi, lo);
        if (s.verdict() == Verdict.INTERCEPTED) {
            interceptedClients.add(hi, lo);
        } else if (s.verdict() == Verdict.SUSPECTED) {
            suspectedClients.add(hi, lo);
        }
    }

    void addAll(TimeBucket other) {
        sessions.addAll(other.sessions);
        clients.addAll(other.clients);
        interceptedClients.addAll(other.interceptedClients);
        suspectedClients.addAll(other.suspectedClients);
    }

    /** Where the interval starts, epoch milliseconds (a multiple of the series' width). */
    public long startMillis() { return startMillis; }

    public VerdictCounts sessions() { return sessions; }

    public int clients() { return clients.count(); }

    /** Distinct clients with at least one intercepted session in this interval. */
    public int interceptedClients() { return interceptedClients.count(); }

    /** Distinct clients with at least one suspected session in this interval. */
    public int suspectedClients() { return suspectedClients.count(); }

    /** True when a distinct count of this bucket reached its bound and is a lower bound. */
    public boolean saturated() {
        return clients.saturated() || interceptedClients.saturated() || suspectedClients.saturated();
    }
}
