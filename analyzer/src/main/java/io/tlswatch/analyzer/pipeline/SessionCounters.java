package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.session.TlsSession;

/** Sessions and certificates emitted, by how they ended. Written by the analyzer thread only. */
public final class SessionCounters {
    private static final TlsSession.End[] ENDS = TlsSession.End.values();

    long sessions;
    long established;
    long clientHellos;
    long serverHellos;
    long serverChainsSeen;
    long certificates;
    private final long[] byEnd = new long[ENDS.length];

    void count(TlsSession s) {
        sessions++;
        if (s.established()) {
            established++;
        }
        clientHellos += s.clientHellos();
        serverHellos += s.serverHellos();
        if (!s.serverChain().isEmpty()) {
            serverChainsSeen++;
        }
        byEnd[s.end().ordinal()]++;
    }

    public long sessions() { return sessions; }

    public long established() { return established; }

    /** ClientHello messages in all sessions (HelloRetryRequest exchanges count two). */
    public long clientHellos() { return clientHellos; }

    public long serverHellos() { return serverHellos; }

    /** Sessions in which the server's certificate chain was visible (TLS 1.2 and below). */
    public long serverChainsSeen() { return serverChainsSeen; }

    /** Distinct certificates emitted. */
    public long certificates() { return certificates; }

    public long endedBy(TlsSession.End end) { return byEnd[end.ordinal()]; }
}
