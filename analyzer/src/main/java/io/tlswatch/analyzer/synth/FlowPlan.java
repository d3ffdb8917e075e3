package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.x509.synth.SyntheticInterceptor;

/**
 * What one synthetic flow will be, decided before any of its bytes: who talks to which site, over
 * which TLS version, whether an interceptor forges the site's certificate, and how much application
 * data each side sends.
 *
 * @param index           0 for the first flow planned
 * @param site            the site's index in the PKI
 * @param tls13           the server chooses TLS 1.3 (else TLS 1.2)
 * @param forgedBy        the interceptor between client and server, or null for a direct connection
 * @param clientAddress   the client's IPv4 address, as an int
 * @param clientPort      the client's ephemeral port
 * @param serverAddress   the server's IPv4 address, as an int (the server listens on 443)
 * @param clientDataBytes application-data bytes the client sends, TLS records and headers included
 * @param serverDataBytes application-data bytes the server sends
 * @param randomSeed      seed of the flow's own randomness (hello randoms, key shares, sequence numbers)
 */
public record FlowPlan(long index, int site, boolean tls13, SyntheticInterceptor forgedBy, int clientAddress,
                       int clientPort, int serverAddress, long clientDataBytes, long serverDataBytes, long randomSeed) {
    public static final int SERVER_PORT = 443;

    public boolean forged() {
        return forgedBy != null;
    }

    /** Whether a sensor can see the forged chain: TLS 1.3 encrypts the Certificate message. */
    public boolean forgeryVisible() {
        return forgedBy != null && !tls13;
    }
}
