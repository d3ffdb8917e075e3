package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsBytes;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.Arrays;
import java.util.List;

/**
 * Writes the TLS 1.2 records a sensor sees in a full or resumed handshake (RFC 5246 section 7.3,
 * figures 1 and 2), with the lengths real ones have, so that the analyzer's own decoders turn them
 * into a session. What is encrypted (Finished, application data) is filler of the right shape:
 * a passive sensor reads only its record header.
 */
final class Tls12Messages {
    static final int TLS_1_2 = 0x0303;
    /** TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 (RFC 5289 section 3), offered by Firefox 42. */
    static final int CIPHER_SUITE = 0xc02f;
    /** AlertLevel fatal (RFC 5246 section 7.2). */
    static final int FATAL = 2;
    /** AlertDescription bad_certificate (RFC 5246 section 7.2.2): what a client sends when it rejects the chain. */
    static final int BAD_CERTIFICATE = 42;
    /** signed_certificate_timestamp (RFC 6962 section 3.3.1). */
    static final int SIGNED_CERTIFICATE_TIMESTAMP = 18;
    /** An AES-GCM Finished record: 8-byte explicit nonce, 4 + 12 bytes of message, 16-byte tag. */
    private static final int ENCRYPTED_FINISHED_LENGTH = 40;

    private Tls12Messages() {
    }

    /** A TLS 1.2 record (RFC 5246 section 6.2.1). */
    static byte[] record(int contentType, byte[] fragment) {
        return TlsBytes.record(contentType, TLS_1_2, fragment);
    }

    /** Handshake messages in one handshake record, as servers send a flight. */
    static byte[] handshakeRecord(byte[]... messages) {
        return record(TlsRecordLayout.HANDSHAKE, TlsBytes.concat(messages));
    }

    /**
     * ServerHello (RFC 5246 section 7.4.1.3): version 1.2, a fixed random, the session id, the
     * cipher suite above, no compression, and the extensions (none: no extensions block).
     */
    static byte[] serverHello(byte[] sessionId, List<TlsExtension> extensions) {
        TlsBytes body = new TlsBytes().u16(TLS_1_2).bytes(filler(HandshakeLayout.RANDOM_LENGTH, 0x5e))
                .vector8(sessionId).u16(CIPHER_SUITE).u8(0);
        if (!extensions.isEmpty()) {
            body.bytes(TlsBytes.extensions(extensions));
        }
        return TlsBytes.handshake(HandshakeLayout.SERVER_HELLO, body.toBytes());
    }

    /** Certificate (RFC 5246 section 7.4.2): certificate_list of 24-bit-length DER certificates, leaf first. */
    static byte[] certificate(List<byte[]> chain) {
        TlsBytes list = new TlsBytes();
        for (byte[] der : chain) {
            list.vector24(der);
        }
        return TlsBytes.handshake(HandshakeLayout.CERTIFICATE, new TlsBytes().vector24(list.toBytes()).toBytes());
    }

    /** CertificateStatus with one stapled OCSP response (RFC 6066 section 8: status_type ocsp(1)). */
    static byte[] certificateStatus(byte[] ocspResponse) {
        return TlsBytes.handshake(HandshakeLayout.CERTIFICATE_STATUS,
                new TlsBytes().u8(1).vector24(ocspResponse).toBytes());
    }

    /** ServerHelloDone (RFC 5246 section 7.4.5): empty. */
    static byte[] serverHelloDone() {
        return TlsBytes.handshake(HandshakeLayout.SERVER_HELLO_DONE, new byte[0]);
    }

    /** ClientKeyExchange for ECDHE (RFC 4492 section 5.7): an uncompressed P-256 point. */
    static byte[] clientKeyExchange() {
        byte[] point = filler(65, 0xec);
        point[0] = 4;
        return TlsBytes.handshake(HandshakeLayout.CLIENT_KEY_EXCHANGE, new TlsBytes().vector8(point).toBytes());
    }

    /** ChangeCipherSpec (RFC 5246 section 7.1): one byte, 1. */
    static byte[] changeCipherSpec() {
        return record(TlsRecordLayout.CHANGE_CIPHER_SPEC, new byte[] {1});
    }

    /** The Finished message under the new keys: a handshake record only its length says anything of. */
    static byte[] encryptedFinished() {
        return record(TlsRecordLayout.HANDSHAKE, filler(ENCRYPTED_FINISHED_LENGTH, 0xf1));
    }

    /** An application-data record (RFC 5246 section 6.2.3.3) of {@code length} bytes. */
    static byte[] applicationData(int length) {
        return record(TlsRecordLayout.APPLICATION_DATA, filler(length, 0xad));
    }

    /** A plaintext alert (RFC 5246 section 7.2): level and description. */
    static byte[] alert(int level, int description) {
        return record(TlsRecordLayout.ALERT, new byte[] {(byte) level, (byte) description});
    }

    private static byte[] filler(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }
}
