package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import io.tlswatch.analyzer.x509.synth.ServerChain;
import io.tlswatch.capture.synth.Side;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The flights of one synthetic handshake, from the ClientHello to the last message before
 * application data, each what one side sends in one go. Made once per flow (small arrays); the
 * randoms, session ids, key shares and ciphertext come from the flow's own generator.
 */
final class HandshakeFlights {
    /** Bytes one side sends in one go. */
    record Flight(Side from, byte[] bytes) {
    }

    /** What the server chooses among the client's offer. */
    static final String ALPN = BrowserClientHello.ALPN.get(0);
    private static final int SESSION_ID_LENGTH = 32;
    private static final int RANDOM_LENGTH = 32;
    /** An ECDSA P-256 signature in DER: SEQUENCE { INTEGER r (32 bytes), INTEGER s (32 bytes) }. */
    private static final int ECDSA_SIGNATURE_LENGTH = 2 + 2 * (2 + 32);

    private HandshakeFlights() {
    }

    /**
     * A full TLS 1.2 handshake with ECDHE (RFC 5246 section 7.3, figure 1): ClientHello; ServerHello,
     * Certificate, ServerKeyExchange, ServerHelloDone; ClientKeyExchange, ChangeCipherSpec,
     * Finished; ChangeCipherSpec, Finished.
     *
     * @param certificateMessage {@link Tls12Messages#certificate} of the chain (the same for every
     *                           flow of a site: made once by the caller)
     */
    static List<Flight> tls12(String serverName, ServerChain chain, byte[] certificateMessage, RandomGenerator random) {
        byte[] clientHello = BrowserClientHello.record(serverName, bytes(random, RANDOM_LENGTH),
                bytes(random, SESSION_ID_LENGTH), bytes(random, TlsCodePoints.X25519_KEY_LENGTH));
        int suite = chain.rsaKey() ? Tls12Messages.ECDHE_RSA_WITH_AES_128_GCM_SHA256
                : Tls12Messages.ECDHE_ECDSA_WITH_AES_128_GCM_SHA256;
        List<TlsExtension> extensions = List.of(
                new TlsExtension(TlsExtension.RENEGOTIATION_INFO, new byte[] {0}),
                new TlsExtension(TlsExtension.EXTENDED_MASTER_SECRET, new byte[0]),
                new TlsExtension(TlsExtension.EC_POINT_FORMATS, new byte[] {1, 0}),
                new TlsExtension(TlsExtension.ALPN, BrowserClientHello.alpn(List.of(ALPN))));
        byte[] serverHello = Tls12Messages.serverHello(bytes(random, RANDOM_LENGTH), bytes(random, SESSION_ID_LENGTH),
                suite, extensions);
        byte[] keyExchange = Tls12Messages.serverKeyExchange(TlsCodePoints.X25519,
                bytes(random, TlsCodePoints.X25519_KEY_LENGTH),
                chain.rsaKey() ? TlsCodePoints.RSA_PSS_RSAE_SHA256 : TlsCodePoints.ECDSA_SECP256R1_SHA256,
                chain.rsaKey() ? bytes(random, TlsCodePoints.RSA_2048_SIGNATURE_LENGTH) : ecdsaSignature(random));
        return List.of(
                new Flight(Side.CLIENT, clientHello),
                new Flight(Side.SERVER, Tls12Messages.handshakeRecords(serverHello,
                        certificateMessage, keyExchange, Tls12Messages.serverHelloDone())),
                new Flight(Side.CLIENT, TlsBytes.concat(
                        Tls12Messages.handshakeRecords(Tls12Messages.clientKeyExchange(
                                bytes(random, TlsCodePoints.X25519_KEY_LENGTH))),
                        Tls12Messages.changeCipherSpec(), Tls12Messages.encryptedFinished(random))),
                new Flight(Side.SERVER, TlsBytes.concat(Tls12Messages.changeCipherSpec(),
                        Tls12Messages.encryptedFinished(random))));
    }

    /**
     * A full TLS 1.3 handshake (RFC 8446 section 2, figure 1) in middlebox compatibility mode:
     * ClientHello; ServerHello, ChangeCipherSpec and the protected flight with the chain;
     * ChangeCipherSpec and the client's Finished; two NewSessionTickets.
     */
    static List<Flight> tls13(String serverName, ServerChain chain, RandomGenerator random) {
        byte[] sessionId = bytes(random, SESSION_ID_LENGTH);
        byte[] clientHello = BrowserClientHello.record(serverName, bytes(random, RANDOM_LENGTH), sessionId,
                bytes(random, TlsCodePoints.X25519_KEY_LENGTH));
        byte[] serverHello = Tls13Messages.serverHello(bytes(random, RANDOM_LENGTH), sessionId,
                TlsCodePoints.TLS_AES_128_GCM_SHA256, TlsCodePoints.X25519, bytes(random, TlsCodePoints.X25519_KEY_LENGTH));
        return List.of(
                new Flight(Side.CLIENT, clientHello),
                new Flight(Side.SERVER, TlsBytes.concat(
                        TlsBytes.record(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.TLS_1_2, serverHello),
                        Tls12Messages.changeCipherSpec(),
                        Tls13Messages.serverProtectedFlight(random, chain.certificates(), chain.rsaKey(), ALPN))),
                new Flight(Side.CLIENT, Tls13Messages.clientFinished(random)),
                new Flight(Side.SERVER, Tls13Messages.newSessionTickets(random)));
    }

    /** Random bytes shaped as a DER ECDSA P-256 signature, both integers 32 bytes, positive and minimal. */
    private static byte[] ecdsaSignature(RandomGenerator random) {
        byte[] signature = bytes(random, ECDSA_SIGNATURE_LENGTH);
        signature[0] = 0x30;
        signature[1] = (byte) (ECDSA_SIGNATURE_LENGTH - 2);
        for (int at = 2; at < ECDSA_SIGNATURE_LENGTH; at += 34) {
            signature[at] = 0x02;
            signature[at + 1] = 32;
            signature[at + 2] = (byte) (signature[at + 2] & 0x7f | 0x01);
        }
        return signature;
    }

    private static byte[] bytes(RandomGenerator random, int length) {
        return Tls12Messages.randomBytes(random, length);
    }
}
