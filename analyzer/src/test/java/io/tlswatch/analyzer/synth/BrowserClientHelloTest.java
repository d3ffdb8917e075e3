package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsNames;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The synthetic clients' ClientHello as the analyzer's own parser reads it. */
class BrowserClientHelloTest {
    private static final SplittableRandom RANDOM = new SplittableRandom(3);
    private static final byte[] HELLO_RANDOM = bytes(32);
    private static final byte[] SESSION_ID = bytes(32);
    private static final byte[] KEY_SHARE = bytes(32);
    private static final byte[] RECORD = BrowserClientHello.record("www.news-0.example.com", HELLO_RANDOM, SESSION_ID, KEY_SHARE);

    @Test
    void itAsksForTheSiteOffersTls13And12WithAnX25519ShareAndH2() {
        ClientHello hello = parse(RECORD);
        assertAll(
                () -> assertEquals("www.news-0.example.com", hello.offered().serverName()),
                () -> assertEquals(List.of("h2", "http/1.1"), hello.offered().alpnProtocols()),
                () -> assertArrayEquals(new int[] {TlsRecordLayout.TLS_1_3, TlsRecordLayout.TLS_1_2},
                        hello.offered().supportedVersions()),
                () -> assertArrayEquals(new int[] {TlsCodePoints.X25519}, hello.offered().keyShareGroups()),
                () -> assertArrayEquals(HELLO_RANDOM, hello.random()),
                () -> assertArrayEquals(SESSION_ID, hello.sessionId()),
                () -> assertEquals(TlsRecordLayout.TLS_1_2, hello.legacyVersion()),
                () -> assertTrue(hello.offered().hasExtendedMasterSecret() && hello.offered().hasStatusRequest()),
                () -> assertEquals(List.of(), hello.offered().errors()));
    }

    @Test
    void itCarriesNoGreaseAndTheExtensionsInFirefoxsOrder() {
        ClientHello hello = parse(RECORD);
        assertArrayEquals(new int[] {TlsExtension.SERVER_NAME, TlsExtension.EXTENDED_MASTER_SECRET,
            TlsExtension.RENEGOTIATION_INFO, TlsExtension.SUPPORTED_GROUPS, TlsExtension.EC_POINT_FORMATS,
            TlsExtension.SESSION_TICKET, TlsExtension.ALPN, TlsExtension.STATUS_REQUEST,
            TlsCodePoints.SIGNED_CERTIFICATE_TIMESTAMP, TlsExtension.KEY_SHARE, TlsExtension.SUPPORTED_VERSIONS,
            TlsExtension.SIGNATURE_ALGORITHMS, TlsExtension.PSK_KEY_EXCHANGE_MODES, TlsCodePoints.RECORD_SIZE_LIMIT},
                hello.extensions().types());
        assertFalse(Arrays.stream(hello.cipherSuites()).anyMatch(TlsNames::isGrease));
        assertFalse(Arrays.stream(hello.offered().supportedGroups()).anyMatch(TlsNames::isGrease));
        assertEquals(17, hello.cipherSuites().length);
    }

    @Test
    void onlyTheNameRandomSessionIdAndKeyShareDifferFromFlowToFlow() {
        ClientHello one = parse(RECORD);
        ClientHello other = parse(BrowserClientHello.record("api.shop-1.example.net", bytes(32), bytes(32), bytes(32)));
        assertArrayEquals(one.cipherSuites(), other.cipherSuites());
        assertArrayEquals(one.extensions().types(), other.extensions().types());
        assertArrayEquals(one.offered().signatureAlgorithms(), other.offered().signatureAlgorithms());
        assertEquals("api.shop-1.example.net", other.offered().serverName());
    }

    @Test
    void theRecordAndMessageLengthsAreThoseOfTheBytes() {
        assertEquals(TlsRecordLayout.HANDSHAKE, TlsRecordLayout.type(RECORD, 0));
        assertEquals(TlsRecordLayout.TLS_1_0, TlsRecordLayout.version(RECORD, 0), "a client's first record version");
        assertEquals(RECORD.length - TlsRecordLayout.HEADER_LENGTH, TlsRecordLayout.length(RECORD, 0));
        int message = TlsRecordLayout.HEADER_LENGTH;
        assertEquals(HandshakeLayout.CLIENT_HELLO, HandshakeLayout.type(RECORD, message));
        assertEquals(RECORD.length - message - HandshakeLayout.HEADER_LENGTH, HandshakeLayout.length(RECORD, message));
        byte[] cut = Arrays.copyOf(RECORD, RECORD.length - 1);
        int body = message + HandshakeLayout.HEADER_LENGTH;
        assertFalse(ClientHello.parse(cut, body, cut.length - body).isParsed(), "one byte short no longer parses");
    }

    private static ClientHello parse(byte[] record) {
        int body = TlsRecordLayout.HEADER_LENGTH + HandshakeLayout.HEADER_LENGTH;
        TlsParse<ClientHello> parsed = ClientHello.parse(record, body, record.length - body);
        assertTrue(parsed.isParsed(), parsed.toString());
        return parsed.value();
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
