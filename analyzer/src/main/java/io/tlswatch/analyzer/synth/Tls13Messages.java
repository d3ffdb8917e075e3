package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Writes the TLS 1.3 records a sensor sees (RFC 8446 section 2, figure 1): the ServerHello in the
 * clear, then protected records (RFC 8446 section 5.2) whose lengths are those of the handshake
 * messages inside them (EncryptedExtensions, Certificate, CertificateVerify, Finished,
 * NewSessionTicket) but whose bytes are random, as AES-GCM ciphertext looks to a passive observer.
 * The ChangeCipherSpec records of middlebox compatibility mode (appendix D.4) come along.
 */
public final class Tls13Messages {
    /** What protection adds to a record's plaintext: the inner content type byte and a 16-byte AEAD tag. */
    public static final int PROTECTION_OVERHEAD = 1 + 16;
    /** Finished with SHA-256: its verify_data is 32 bytes (RFC 8446 section 4.4.4). */
    private static final int FINISHED_LENGTH = HandshakeLayout.HEADER_LENGTH + 32;
    /** A NewSessionTicket as servers send them: lifetime, age_add, an 8-byte nonce, a 192-byte ticket, no extensions. */
    private static final int NEW_SESSION_TICKET_LENGTH = HandshakeLayout.HEADER_LENGTH + 4 + 4 + 1 + 8 + 2 + 192 + 2;
    /** An ECDSA P-256 signature in DER: SEQUENCE of two INTEGERs, 70 to 72 bytes; 71 is the usual. */
    private static final int ECDSA_P256_SIGNATURE_LENGTH = 71;

    private Tls13Messages() {
    }

    /**
     * ServerHello selecting TLS 1.3 (RFC 8446 section 4.1.3): legacy version 1.2, echoing the
     * client's session id, with supported_versions 1.3 and the server's key share.
     */
    public static byte[] serverHello(byte[] random, byte[] sessionIdEcho, int cipherSuite, int group, byte[] keyShare) {
        List<TlsExtension> extensions = List.of(
                new TlsExtension(TlsExtension.SUPPORTED_VERSIONS, new TlsBytes().u16(TlsRecordLayout.TLS_1_3).toBytes()),
                new TlsExtension(TlsExtension.KEY_SHARE, new TlsBytes().u16(group).vector16(keyShare).toBytes()));
        TlsBytes body = new TlsBytes().u16(TlsRecordLayout.TLS_1_2).bytes(Tls12Messages.requireRandom(random))
                .vector8(sessionIdEcho).u16(cipherSuite).u8(0).bytes(TlsBytes.extensions(extensions));
        return TlsBytes.handshake(HandshakeLayout.SERVER_HELLO, body.toBytes());
    }

    /**
     * Protected records (TLSCiphertext, RFC 8446 section 5.2) holding {@code plaintextLength} bytes:
     * one, or as many as the 2^14-byte plaintext limit (section 5.1) needs.
     */
    public static byte[] protectedRecords(RandomGenerator random, int plaintextLength) {
        TlsBytes out = new TlsBytes(plaintextLength + TlsRecordLayout.HEADER_LENGTH + PROTECTION_OVERHEAD);
        int left = plaintextLength;
        do {
            int plaintext = Math.min(left, TlsRecordLayout.MAX_PLAINTEXT_LENGTH);
            out.u8(TlsRecordLayout.APPLICATION_DATA).u16(TlsRecordLayout.TLS_1_2)
                    .vector16(Tls12Messages.randomBytes(random, plaintext + PROTECTION_OVERHEAD));
            left -= plaintext;
        } while (left > 0);
        return out.toBytes();
    }

    /**
     * The server's protected flight after its ServerHello, one record per message:
     * EncryptedExtensions with the chosen ALPN protocol, Certificate with {@code chain}, a
     * CertificateVerify signed with the leaf's key (RSA 2048 with PSS, else ECDSA P-256), Finished.
     */
    public static byte[] serverProtectedFlight(RandomGenerator random, List<byte[]> chain, boolean rsaKey, String alpn) {
        int encryptedExtensions = HandshakeLayout.HEADER_LENGTH + 2 + 4 + BrowserClientHello.alpn(List.of(alpn)).length;
        int certificate = HandshakeLayout.HEADER_LENGTH + 1 + 3;
        for (byte[] der : chain) {
            certificate += 3 + der.length + 2;
        }
        int signature = rsaKey ? TlsCodePoints.RSA_2048_SIGNATURE_LENGTH : ECDSA_P256_SIGNATURE_LENGTH;
        int certificateVerify = HandshakeLayout.HEADER_LENGTH + 2 + 2 + signature;
        return TlsBytes.concat(protectedRecords(random, encryptedExtensions), protectedRecords(random, certificate),
                protectedRecords(random, certificateVerify), protectedRecords(random, FINISHED_LENGTH));
    }

    /** The client's second flight: ChangeCipherSpec, then its Finished in a protected record. */
    public static byte[] clientFinished(RandomGenerator random) {
        return TlsBytes.concat(Tls12Messages.changeCipherSpec(), protectedRecords(random, FINISHED_LENGTH));
    }

    /** Two NewSessionTickets (RFC 8446 section 4.6.1), each in a protected record, as servers send after the handshake. */
    public static byte[] newSessionTickets(RandomGenerator random) {
        return TlsBytes.concat(protectedRecords(random, NEW_SESSION_TICKET_LENGTH),
                protectedRecords(random, NEW_SESSION_TICKET_LENGTH));
    }
}
