package io.tlswatch.analyzer.tls;

/**
 * What a {@link TlsStreamDecoder} saw in one direction, in stream order. Called on the decoder's
 * thread from inside {@link TlsStreamDecoder#feed}; implementations must not throw and should
 * not block (they run on the packet path). Every method has an empty default, so a consumer
 * implements only what it needs.
 *
 * <p>For each plaintext handshake message, {@link #onHandshakeMessage} comes first, then the
 * typed event if the type has one and the message parsed, else an {@link #onAnomaly}. Each record
 * raises one record-level event: a change_cipher_spec, an alert, a heartbeat, an encrypted record,
 * or the handshake messages it completes.
 */
public interface TlsEventListener {
    /** A ClientHello from the client (also the SSL 2.0-compatible form). */
    default void onClientHello(ClientHello hello) {
    }

    /** A ServerHello from the server; {@link ServerHello#isHelloRetryRequest()} flags an HRR. */
    default void onServerHello(ServerHello hello) {
    }

    /** A plaintext Certificate message (TLS 1.2 and below; a client's own chain if fromClient). */
    default void onCertificate(CertificateMessage certificates, boolean fromClient) {
    }

    /** A stapled OCSP response (RFC 6066 §8), from the server. */
    default void onCertificateStatus(CertificateStatus status) {
    }

    /**
     * Any plaintext handshake message, typed or not ({@link HandshakeLayout} types), with its body
     * length; also one skipped for being over {@link TlsLimits}.
     */
    default void onHandshakeMessage(int handshakeType, int length, boolean fromClient) {
    }

    /** A change_cipher_spec record (also TLS 1.3's compatibility one, RFC 8446 Appendix D.4). */
    default void onChangeCipherSpec(boolean fromClient) {
    }

    /**
     * An alert record. {@code level} 1 warning, 2 fatal; {@code description} per
     * {@link TlsNames#alertDescriptionName}. An encrypted alert (after ChangeCipherSpec in
     * TLS 1.2 and below) has {@code level} and {@code description} -1.
     */
    default void onAlert(int level, int description, boolean encrypted, boolean fromClient) {
    }

    /**
     * A record whose body the decoder does not read: application_data (23, which in TLS 1.3 is
     * every protected record), and handshake (22) records after this direction's
     * ChangeCipherSpec. {@code length} is the record's length field.
     */
    default void onEncryptedRecord(int contentType, int length, boolean fromClient) {
    }

    /**
     * A heartbeat record (RFC 6520). Plaintext: {@code messageType} (1 request, 2 response) and
     * the claimed {@code payloadLength}; encrypted: both -1. Judging Heartbleed from the sizes is
     * policy; a plaintext request whose payload overruns its record is also an anomaly.
     */
    default void onHeartbeat(int messageType, int payloadLength, int recordLength, boolean encrypted,
            boolean fromClient) {
    }

    /** The first bytes of the direction are not TLS, with a reason naming them. Raised once. */
    default void onNotTls(boolean fromClient, String reason) {
    }

    /**
     * A named anomaly with a detail (the parse reason, the length that was too long). Fatal ones
     * ({@link TlsAnomaly#isFatal()}) are the last event of the direction.
     */
    default void onAnomaly(TlsAnomaly anomaly, String detail, boolean fromClient) {
    }
}
