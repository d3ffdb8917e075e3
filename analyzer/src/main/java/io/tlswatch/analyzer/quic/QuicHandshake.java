package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import java.util.List;

/**
 * What a {@link QuicInitialTracker} read of one QUIC connection's handshake, handed over once: the
 * client's first ClientHello (with the QUIC facts around it), the server's ServerHello when its
 * Initial packets were read, and the hellos counted as a TLS session over TCP counts them: after
 * a HelloRetryRequest two ClientHellos and two ServerHellos, the HRR flagged, the real ServerHello
 * kept. Everything after the Initial packets is encrypted; the certificates with it.
 *
 * @param client the client's first ClientHello
 * @param serverHello the ServerHello that is not a HelloRetryRequest, or null when it was not read
 * @param clientHellos ClientHellos seen complete in the client's CRYPTO stream (1, or 2 after an HRR)
 * @param serverHellos ServerHellos seen complete in the server's, HelloRetryRequest included
 * @param helloRetryRequest whether the server's first ServerHello was a HelloRetryRequest
 * @param lastNanos time of the datagram that completed the last hello read
 * @param anomalies hellos that were complete but did not parse: a second ClientHello
 *        ({@link TlsAnomaly#MALFORMED_CLIENT_HELLO}) or a ServerHello
 *        ({@link TlsAnomaly#MALFORMED_SERVER_HELLO})
 */
public record QuicHandshake(QuicClientHello client, ServerHello serverHello, int clientHellos, int serverHellos,
                            boolean helloRetryRequest, long lastNanos, List<TlsAnomaly> anomalies) {
    public QuicHandshake {
        anomalies = List.copyOf(anomalies);
    }

    /** Whether the server's Initial packets were read as far as its ServerHello. */
    public boolean serverHelloRead() {
        return serverHello != null;
    }
}
