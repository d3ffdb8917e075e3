package io.tlswatch.analyzer.tls;

/** Where a {@link TlsStreamDecoder} stands in one direction of a connection. */
public enum TlsDirectionState {
    /** Nothing decided yet: waiting for the first bytes of the direction. */
    DETECTING,
    /** Framing plaintext records: hellos, certificates, alerts are readable. */
    RECORDS,
    /**
     * Records are still framed, but the handshake goes on encrypted: after this direction's
     * ChangeCipherSpec (TLS 1.2 and below), or after a ServerHello that selected TLS 1.3.
     */
    ENCRYPTED,
    /** The first bytes were not TLS; the decoder ignores the rest (terminal until reset). */
    NOT_TLS,
    /** A fatal anomaly lost the record framing; the decoder ignores the rest (terminal until reset). */
    FAILED;

    /** Whether the decoder will not look at any more bytes until it is reset. */
    public boolean isTerminal() {
        return this == NOT_TLS || this == FAILED;
    }
}
