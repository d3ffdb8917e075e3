package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.report.SessionFacts.Transport;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a passive monitor could not see: sessions per transport (TLS 1.3 over TCP, QUIC, the rest)
 * and verdict, so a report can show how much of the traffic was {@code not_observable} because
 * TLS 1.3 and QUIC encrypt the certificate, next to the rate found in what was visible.
 */
public final class Visibility {
    private final Map<Transport, VerdictCounts> byTransport = new EnumMap<>(Transport.class);

    public Visibility() {
        for (Transport t : Transport.values()) {
            byTransport.put(t, new VerdictCounts());
        }
    }

    void add(SessionFacts s) {
        byTransport.get(s.transport()).add(s.verdict());
    }

    /** Sessions of one transport, per verdict. */
    public VerdictCounts of(Transport transport) {
        return byTransport.get(transport);
    }
}
