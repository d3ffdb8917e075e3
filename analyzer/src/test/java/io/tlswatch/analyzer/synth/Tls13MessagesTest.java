package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The TLS 1.3 bytes a sensor sees: a ServerHello it can read, then records as long as what they hide. */
class Tls13MessagesTest {
    private final SplittableRandom random = new SplittableRandom(13);

    @Test
    void theServerHelloSelectsTls13WithAnX25519ShareAndEchoesTheSessionId() {
        byte[] sessionId = bytes(32);
        byte[] message = Tls13Messages.serverHello(bytes(32), sessionId, TlsCodePoints.TLS_AES_128_GCM_SHA256,
                TlsCodePoints.X25519, bytes(32));
        TlsParse<ServerHello> parsed = ServerHello.parse(message, HandshakeLayout.HEADER_LENGTH,
                message.length - HandshakeLayout.HEADER_LENGTH);
        assertTrue(parsed.isParsed(), parsed.toString());
        ServerHello hello = parsed.value();
        assertAll(
                () -> assertEquals(TlsRecordLayout.TLS_1_3, hello.selectedVersion()),
                () -> assertEquals(TlsRecordLayout.TLS_1_2, hello.legacyVersion()),
                () -> assertEquals(TlsCodePoints.TLS_AES_128_GCM_SHA256, hello.cipherSuite()),
                () -> assertEquals(TlsCodePoints.X25519, hello.keyShareGroup()),
                () -> assertArrayEquals(sessionId, hello.sessionId()),
                () -> assertEquals(List.of(), hello.errors()));
    }

    @Test
    void theProtectedFlightIsOneRecordPerMessageSizedAsTheMessage() {
        List<byte[]> chain = List.of(bytes(1000), bytes(600));
        List<Integer> fragments = fragments(Tls13Messages.serverProtectedFlight(random, chain, false, "h2"));
        int certificate = 4 + 1 + 3 + (3 + 1000 + 2) + (3 + 600 + 2);
        int overhead = Tls13Messages.PROTECTION_OVERHEAD;
        assertEquals(List.of(4 + 2 + 4 + 5 + overhead, certificate + overhead, 4 + 2 + 2 + 71 + overhead, 4 + 32 + overhead),
                fragments, "EncryptedExtensions, Certificate, CertificateVerify, Finished");
        List<Integer> rsa = fragments(Tls13Messages.serverProtectedFlight(random, chain, true, "h2"));
        assertEquals(4 + 2 + 2 + 256 + overhead, rsa.get(2), "an RSA 2048 signature");
    }

    @Test
    void moreThanARecordsPlaintextIsSplitAtTheLimit() {
        List<Integer> fragments = fragments(Tls13Messages.protectedRecords(random, TlsRecordLayout.MAX_PLAINTEXT_LENGTH + 10));
        assertEquals(List.of(TlsRecordLayout.MAX_PLAINTEXT_LENGTH + Tls13Messages.PROTECTION_OVERHEAD,
                10 + Tls13Messages.PROTECTION_OVERHEAD), fragments);
    }

    /** The fragment length of each record, all of them application_data under version 1.2. */
    private static List<Integer> fragments(byte[] records) {
        List<Integer> out = new ArrayList<>();
        int at = 0;
        while (at < records.length) {
            assertEquals(TlsRecordLayout.APPLICATION_DATA, TlsRecordLayout.type(records, at));
            assertEquals(TlsRecordLayout.TLS_1_2, TlsRecordLayout.version(records, at));
            out.add(TlsRecordLayout.length(records, at));
            at += TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(records, at);
        }
        assertEquals(records.length, at);
        return out;
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
