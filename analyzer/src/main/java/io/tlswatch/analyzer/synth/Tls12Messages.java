package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes the TLS 1.2 records a sensor sees in a full or resumed handshake (RFC 5246 section 7.3,
 * figures 1 and 2), with the lengths real ones have, so that the analyzer's own decoders turn them
 * into a session. What is encrypted (Finished, application data) and what only a peer could check
 * (the ServerKeyExchange signature) is random bytes of the right shape: a passive sensor reads only
 * its length.
 */
public final class Tls12Messages {
    public static final int TLS_1_2 = TlsRecordLayout.TLS_1_2;
    /** TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5289 section 3): a server with an RSA key. */
    public static final int ECDHE_RSA_WITH_AES_128_GCM_SHA256 = 0xc02f;
    /** TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 (RFC 5289 section 3): a server with an EC key. */
    public static final int ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 = 0xc02b;
    /** AlertLevel fatal (RFC 5246 section 7.2). */
    public static final int FATAL = 2;
    /** AlertDescription bad_certificate (RFC 5246 section 7.2.2): what a client sends when it rejects the chain. */
    public static final int BAD_CERTIFICATE = 42;
    /** The signed_certificate_timestamp extension (RFC 6962 section 3.3.1). */
    public static final int SIGNED_CERTIFICATE_TIMESTAMP = 18;
    /** ECCurveType named_curve (RFC 8422 section 5.4). */
    public static final int NAMED_CURVE = 3;
    /** An AES-GCM Finished record's fragment: 8-byte explicit nonce, 4 + 12 bytes of message, 16-byte tag. */
    public static final int ENCRYPTED_FINISHED_LENGTH = 40;
    /** What AES-GCM adds to a record's plaintext (RFC 5288 section 3): 8-byte explicit nonce and 16-byte tag. */
    public static final int AES_GCM_OVERHEAD = 8 + 16;

    private Tls12Messages() {
    }

    /** A TLS 1.2 record (RFC 5246 section 6.2.1). */
    public static byte[] record(int contentType, byte[] fragment) {
        return TlsBytes.record(contentType, TLS_1_2, fragment);
    }

    /** Handshake messages as a server sends a flight: back to back, in records of at most 2^14 bytes. */
    public static byte[] handshakeRecords(byte[]... messages) {
        return TlsBytes.records(TlsRecordLayout.HANDSHAKE, TLS_1_2, TlsBytes.concat(messages),
                TlsRecordLayout.MAX_PLAINTEXT_LENGTH);
    }

    /**
     * ServerHello (RFC 5246 section 7.4.1.3): version 1.2, the server's random and session id, the
     * cipher suite, no compression, and the extensions (none: no extensions block).
     */
    public static byte[] serverHello(byte[] random, byte[] sessionId, int cipherSuite, List<TlsExtension> extensions) {
        TlsBytes body = new TlsBytes().u16(TLS_1_2).bytes(requireRandom(random)).vector8(sessionId).u16(cipherSuite).u8(0);
        if (!extensions.isEmpty()) {
            body.bytes(TlsBytes.extensions(extensions));
        }
        return TlsBytes.handshake(HandshakeLayout.SERVER_HELLO, body.toBytes());
    }

    /** Certificate (RFC 5246 section 7.4.2): certificate_list of 24-bit-length DER certificates, leaf first. */
    public static byte[] certificate(List<byte[]> chain) {
        TlsBytes list = new TlsBytes();
        for (byte[] der : chain) {
            list.vector24(der);
        }
        return TlsBytes.handshake(HandshakeLayout.CERTIFICATE, new TlsBytes().vector24(list.toBytes()).toBytes());
    }

    /** CertificateStatus with one stapled OCSP response (RFC 6066 section 8: status_type ocsp(1)). */
    public static byte[] certificateStatus(byte[] ocspResponse) {
        return TlsBytes.handshake(HandshakeLayout.CERTIFICATE_STATUS,
                new TlsBytes().u8(1).vector24(ocspResponse).toBytes());
    }

    /**
     * ServerKeyExchange for ECDHE (RFC 8422 section 5.4): a named curve, the server's ephemeral
     * public key, and a digitally-signed struct (RFC 5246 section 4.7) of the given
     * SignatureScheme (RFC 8446 section 4.2.3) whose signature only the client could check.
     */
    public static byte[] serverKeyExchange(int namedGroup, byte[] publicKey, int signatureScheme, byte[] signature) {
        TlsBytes body = new TlsBytes().u8(NAMED_CURVE).u16(namedGroup).vector8(publicKey)
                .u16(signatureScheme).vector16(signature);
        return TlsBytes.handshake(HandshakeLayout.SERVER_KEY_EXCHANGE, body.toBytes());
    }

    /** ServerHelloDone (RFC 5246 section 7.4.5): empty. */
    public static byte[] serverHelloDone() {
        return TlsBytes.handshake(HandshakeLayout.SERVER_HELLO_DONE, new byte[0]);
    }

    /** ClientKeyExchange for ECDHE (RFC 8422 section 5.7): the client's ephemeral public key. */
    public static byte[] clientKeyExchange(byte[] publicKey) {
        return TlsBytes.handshake(HandshakeLayout.CLIENT_KEY_EXCHANGE, new TlsBytes().vector8(publicKey).toBytes());
    }

    /** ChangeCipherSpec (RFC 5246 section 7.1): one byte, 1. */
    public static byte[] changeCipherSpec() {
        return record(TlsRecordLayout.CHANGE_CIPHER_SPEC, new byte[] {1});
    }

    /** The Finished message under the new keys: a handshake record only its length says anything of. */
    public static byte[] encryptedFinished(RandomGenerator random) {
        return record(TlsRecordLayout.HANDSHAKE, randomBytes(random, ENCRYPTED_FINISHED_LENGTH));
    }

    /** An application-data record (RFC 5246 section 6.2.3.3) whose fragment is {@code length} random bytes. */
    public static byte[] applicationData(RandomGenerator random, int length) {
        return record(TlsRecordLayout.APPLICATION_DATA, randomBytes(random, length));
    }

    /** A plaintext alert (RFC 5246 section 7.2): level and description. */
    public static byte[] alert(int level, int description) {
        return record(TlsRecordLayout.ALERT, new byte[] {(byte) level, (byte) description});
    }

    static byte[] randomBytes(RandomGenerator random, int length) {
        byte[] b = new byte[length];
        random.nextBytes(b);
        return b;
    }

    static byte[] requireRandom(byte[] random) {
        if (random.length != HandshakeLayout.RANDOM_LENGTH) {
            throw new IllegalArgumentException("a hello's random is " + HandshakeLayout.RANDOM_LENGTH
                    + " bytes, not " + random.length);
        }
        return random;
    }
}
