package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ClientHello, RFC 8446 §4.1.2 and RFC 5246 §7.4.1.2; the SSL 2.0 form, RFC 5246 Appendix E.2. */
class ClientHelloTest {
    /** zeek/tls__hrr.pcap, TCP stream 0, the first ClientHello (the handshake body after 01 00 00 e3). */
    static final byte[] TLS13_HELLO = Hex.bytes("""
            03 03                                       // legacy_version TLS 1.2
            30 f1 90 3e 37 d4 f5 98 a7 0d 69 6a 91 72 b2 96 c9 68 52 c9 da e4 a3 c9   // random
            ca 6b 49 d2 02 16 68 a1
            20                                          // legacy_session_id length 32
            1a 6b b8 36 8a dd 0e 28 01 5b d6 cc ed 64 82 36 f4 9e 24 07 f1 96 53 ac
            1f dd 1f fa 48 bf ae cd
            00 08                                       // cipher_suites length 8
            13 02 13 03 13 01 00 ff                     // AES_256_GCM, CHACHA20, AES_128_GCM, renegotiation SCSV
            01 00                                       // legacy_compression_methods: null
            00 92                                       // extensions length 146
            00 0b 00 04 03 00 01 02                     // ec_point_formats: 0, 1, 2
            00 0a 00 08 00 06 00 15 00 17 00 18         // supported_groups: secp224r1, secp256r1, secp384r1
            00 23 00 00                                 // session_ticket, empty
            00 16 00 00                                 // encrypt_then_mac
            00 17 00 00                                 // extended_master_secret
            00 0d 00 1e 00 1c                           // signature_algorithms, 14 schemes
            04 03 05 03 06 03 08 07 08 08 08 09 08 0a 08 0b 08 04 08 05 08 06 04 01 05 01 06 01
            00 2b 00 03 02 03 04                        // supported_versions: TLS 1.3
            00 2d 00 02 01 01                           // psk_key_exchange_modes: psk_dhe_ke
            00 33 00 3f 00 3d                           // key_share, client_shares length 61
            00 15 00 39                                 // secp224r1, key_exchange length 57
            04 74 2b ee e2 f4 0d 71 fd 7d e4 42 c4 82 94 50 b0 81 22 55 14 e2 2c 5d 87 b4 7f c5 95
            8b cc c7 ff 69 83 5d 77 31 16 6b 62 e9 2d e5 16 b8 af 90 fe 45 cb b0 56 ce 36 4f 40
            """);

    /** Offset of the extensions length in {@link #TLS13_HELLO}: where an extension-less hello may end. */
    static final int EXTENSIONS_OFFSET = 2 + 32 + 1 + 32 + 2 + 8 + 2;

    /** suricata-verify/sslv2-tls-upgrade-01__ssl-v2-s1.pcap, client's first 105 bytes, after 80 67. */
    static final byte[] SSLV2_HELLO = Hex.bytes("""
            01                                          // msg_type CLIENT-HELLO
            03 01                                       // version TLS 1.0
            00 4e                                       // cipher_spec_length 78: 26 specs
            00 00                                       // session_id_length 0
            00 10                                       // challenge_length 16
            01 00 80 03 00 80 07 00 c0 06 00 40 02 00 80 04 00 80  // six SSL 2.0-only specs
            00 00 39 00 00 38 00 00 35 00 00 33 00 00 32 00 00 04 00 00 05 00 00 2f 00 00 16
            00 00 13 00 fe ff 00 00 0a 00 00 15 00 00 12 00 fe fe 00 00 09 00 00 64 00 00 62
            00 00 03 00 00 06                           // twenty TLS suites, first byte 0
            31 43 c4 65 d5 27 71 e4 66 a4 2b e1 70 17 87 fd  // challenge
            """);

    @Test
    void readsEveryFieldOfATls13Hello() {
        ClientHello hello = parsed(TLS13_HELLO);

        assertEquals(0x0303, hello.legacyVersion());
        assertEquals("30f1903e37d4f598a70d696a9172b296c96852c9dae4a3c9ca6b49d2021668a1", Hex.of(hello.random()));
        assertEquals(32, hello.sessionId().length);
        assertArrayEquals(new int[] {0x1302, 0x1303, 0x1301, 0x00ff}, hello.cipherSuites());
        assertArrayEquals(new int[] {0}, hello.compressionMethods());
        assertArrayEquals(new int[] {11, 10, 35, 22, 23, 13, 43, 45, 51}, hello.extensions().types());
        ClientHelloExtensions offered = hello.offered();
        assertArrayEquals(new int[] {0x0304}, offered.supportedVersions());
        assertTrue(offered.offersTls13());
        assertArrayEquals(new int[] {0x15, 0x17, 0x18}, offered.supportedGroups());
        assertArrayEquals(new int[] {0, 1, 2}, offered.ecPointFormats());
        assertArrayEquals(new int[] {0x15}, offered.keyShareGroups());
        assertArrayEquals(new int[] {1}, offered.pskKeyExchangeModes());
        assertEquals(14, offered.signatureAlgorithms().length);
        assertEquals(0x0403, offered.signatureAlgorithms()[0]);
        assertEquals(0, offered.sessionTicketLength());
        assertTrue(offered.hasExtendedMasterSecret());
        assertNull(offered.serverName());
        assertEquals(List.of(), offered.alpnProtocols());
        assertFalse(offered.hasRenegotiationInfo());
        assertFalse(hello.sslv2Compatible());
        assertEquals(List.of(), offered.errors());
    }

    @Test
    void keepsGreaseAndEveryExtensionInWireOrder() {
        ClientHello chrome = Vectors.decodeWhole("chrome125-client").clientHellos.get(0);

        assertEquals(0xeaea, chrome.cipherSuites()[0]);
        assertEquals(16, chrome.cipherSuites().length);
        // the order tshark lists for zeek/tls__chrome-1250-tls-x25519-kyber.pcap
        assertArrayEquals(new int[] {0x6a6a, 35, 13, 11, 10, 27, 0x4469, 51, 16, 43, 23, 0xff01, 5, 45, 0xfe0d, 18, 0,
            0x4a4a}, chrome.extensions().types());
        assertTrue(chrome.extensions().all().get(0).isGrease());
        assertArrayEquals(new int[] {0xcaca, 0x6399, 0x001d, 0x0017, 0x0018}, chrome.offered().supportedGroups());
        assertArrayEquals(new int[] {0xcaca, 0x6399, 0x001d}, chrome.offered().keyShareGroups());
        assertArrayEquals(new int[] {0x8a8a, 0x0304, 0x0303}, chrome.offered().supportedVersions());
        assertEquals("lh3.google.com", chrome.offered().serverName());
        assertEquals(List.of("h2", "http/1.1"), chrome.offered().alpnProtocols());
        assertTrue(chrome.offered().hasEncryptedClientHello());
        assertTrue(chrome.offered().hasStatusRequest());
        assertTrue(chrome.offered().hasRenegotiationInfo());
        assertEquals(-1, chrome.offered().paddingLength());
    }

    @Test
    void readsTheSslV2CompatibleForm() {
        ClientHello hello = ClientHello.parseSslV2(SSLV2_HELLO, 0, SSLV2_HELLO.length).value();

        assertTrue(hello.sslv2Compatible());
        assertEquals(0x0301, hello.legacyVersion());
        assertEquals(78, hello.sslv2CipherSpecs().length);
        assertEquals(20, hello.cipherSuites().length);
        assertArrayEquals(new int[] {0x39, 0x38, 0x35}, Arrays.copyOf(hello.cipherSuites(), 3));
        assertEquals("3143c465d52771e466a42be1701787fd", Hex.of(hello.random()));
        assertEquals(0, hello.sessionId().length);
        assertFalse(hello.extensions().present());
    }

    @Test
    void sslV2FormWithAnotherMessageTypeOrBadSpecLengthIsRejected() {
        byte[] serverHello = SSLV2_HELLO.clone();
        serverHello[0] = 4;
        assertFailure(ClientHello.parseSslV2(serverHello, 0, serverHello.length), TlsParseError.BAD_VALUE,
                "SSLv2 CLIENT-HELLO.msg_type");
        byte[] oddSpecs = SSLV2_HELLO.clone();
        oddSpecs[4] = 0x4d;
        assertFailure(ClientHello.parseSslV2(oddSpecs, 0, oddSpecs.length), TlsParseError.BAD_LENGTH,
                "SSLv2 CLIENT-HELLO.cipher_spec_length");
    }

    @Test
    void ssl3HelloWithoutExtensionsHasNoExtensionBlock() {
        ClientHello hello = Vectors.decodeWhole("ssl3-client").clientHellos.get(0);

        assertEquals(0x0300, hello.legacyVersion());
        assertFalse(hello.extensions().present());
        assertEquals(0, hello.extensions().size());
        assertEquals(23, hello.cipherSuites().length);
        assertFalse(hello.offered().offersTls13());
    }

    @Test
    void nonAsciiAlpnIsEscapedAndKeptAsSent() {
        ClientHello hello = Vectors.decodeWhole("non-ascii-alpn-client").clientHellos.get(0);

        assertEquals("\\xba\\xad", hello.offered().alpnProtocols().get(0));
        assertArrayEquals(new byte[] {(byte) 0xba, (byte) 0xad}, hello.offered().alpnProtocolBytes().get(0));
        assertEquals("http/1.1", hello.offered().alpnProtocols().get(1));
    }

    @Test
    void serverNameWithControlBytesIsEscapedAndKeptAsSent() {
        byte[] body = earlyAlertHelloBody();
        int at = indexOf(body, "jeffbryner.com".getBytes(StandardCharsets.US_ASCII));
        body[at + 1] = 0;
        body[at + 2] = '\n';

        ClientHello hello = parsed(body);

        assertEquals("j\\x00\\x0afbryner.com", hello.offered().serverName());
        assertArrayEquals("j\0\nfbryner.com".getBytes(StandardCharsets.ISO_8859_1),
                hello.offered().serverNameBytes());
    }

    @Test
    void malformedServerNameCostsOnlyThatView() {
        byte[] body = earlyAlertHelloBody();
        int at = indexOf(body, "jeffbryner.com".getBytes(StandardCharsets.US_ASCII));
        body[at - 2] = 0x7f; // HostName length now runs past the server_name_list

        ClientHello hello = parsed(body);

        assertNull(hello.offered().serverName());
        assertEquals(List.of("server_name.host_name runs past the end of what holds it"), hello.offered().errors());
        assertTrue(hello.extensions().has(TlsExtension.SERVER_NAME));
        assertEquals(List.of("h2", "spdy/3.1", "http/1.1"), hello.offered().alpnProtocols());
    }

    @Test
    void extensionsAddedToARealHelloAreReported() {
        ClientHello base = parsed(TLS13_HELLO);
        List<TlsExtension> extensions = new ArrayList<>(base.extensions().all());
        extensions.add(new TlsExtension(TlsExtension.EARLY_DATA, new byte[0]));
        extensions.add(new TlsExtension(TlsExtension.PADDING, new byte[200]));
        extensions.add(new TlsExtension(TlsExtension.PRE_SHARED_KEY, new byte[] {0, 0}));

        ClientHello hello = parsed(TlsBytes.clientHello(base, extensions));

        assertTrue(hello.offered().hasEarlyData());
        assertEquals(200, hello.offered().paddingLength());
        assertTrue(hello.offered().hasPreSharedKey());
        assertFalse(hello.offered().hasEncryptedClientHello());
        assertEquals(-1, hello.extensions().duplicateType());
    }

    @Test
    void repeatedExtensionTypeIsFound() {
        ClientHello base = parsed(TLS13_HELLO);
        List<TlsExtension> extensions = new ArrayList<>(base.extensions().all());
        extensions.add(new TlsExtension(TlsExtension.EXTENDED_MASTER_SECRET, new byte[0]));

        assertEquals(TlsExtension.EXTENDED_MASTER_SECRET, parsed(TlsBytes.clientHello(base, extensions))
                .extensions().duplicateType());
    }

    @Test
    void truncatedAtEveryLengthFailsWithANamedFieldOrEndsBeforeExtensions() {
        for (int len = 0; len < TLS13_HELLO.length; len++) {
            TlsParse<ClientHello> p = ClientHello.parse(TLS13_HELLO, 0, len);
            if (len == EXTENSIONS_OFFSET) {
                assertTrue(p.isParsed(), "a hello may end before its extensions (RFC 5246 §7.4.1.2)");
                assertFalse(p.value().extensions().present());
            } else {
                assertFalse(p.isParsed(), "prefix of " + len);
                assertNotNull(p.error());
                assertTrue(p.field().startsWith("ClientHello."), p.reason());
            }
        }
    }

    @Test
    void everyOneByteBreakageParsesOrNamesItsReason() {
        for (int i = 0; i < TLS13_HELLO.length; i++) {
            for (int delta : new int[] {1, 0x80, 0xff}) {
                byte[] broken = TLS13_HELLO.clone();
                broken[i] += (byte) delta;
                TlsParse<ClientHello> p = ClientHello.parse(broken, 0, broken.length);
                assertTrue(p.isParsed() || p.error() != null && p.field() != null, "byte " + i);
            }
        }
    }

    @Test
    void oddCipherSuitesLengthIsABadLength() {
        byte[] broken = TLS13_HELLO.clone();
        broken[EXTENSIONS_OFFSET - 2 - 8 - 1] = 7; // cipher_suites length 8 -> 7
        assertFailure(ClientHello.parse(broken, 0, broken.length), TlsParseError.BAD_LENGTH,
                "ClientHello.cipher_suites");
    }

    @Test
    void sessionIdLongerThan32BytesIsABadLength() {
        ClientHello base = parsed(TLS13_HELLO);
        byte[] body = new TlsBytes().u16(0x0303).bytes(base.random()).vector8(new byte[33])
                .vector16(new byte[] {0, 0x2f}).vector8(new byte[] {0}).toBytes();
        assertFailure(ClientHello.parse(body, 0, body.length), TlsParseError.BAD_LENGTH,
                "ClientHello.legacy_session_id");
    }

    @Test
    void bytesAfterTheExtensionsAreRejected() {
        byte[] longer = Arrays.copyOf(TLS13_HELLO, TLS13_HELLO.length + 1);
        assertFailure(ClientHello.parse(longer, 0, longer.length), TlsParseError.TRAILING_BYTES,
                "ClientHello.extensions");
    }

    @Test
    void parsesInPlaceFromAnOffset() {
        byte[] padded = TlsBytes.concat(new byte[7], TLS13_HELLO, new byte[5]);
        assertArrayEquals(parsed(TLS13_HELLO).cipherSuites(),
                ClientHello.parse(padded, 7, TLS13_HELLO.length).value().cipherSuites());
    }

    static ClientHello parsed(byte[] body) {
        TlsParse<ClientHello> p = ClientHello.parse(body, 0, body.length);
        assertTrue(p.isParsed(), p::reason);
        return p.value();
    }

    static void assertFailure(TlsParse<?> p, TlsParseError error, String field) {
        assertFalse(p.isParsed());
        assertEquals(error, p.error(), p::reason);
        assertEquals(field, p.field());
    }

    /** The ClientHello body of zeek/tls__tls-early-alert.pcap (SNI jeffbryner.com). */
    private static byte[] earlyAlertHelloBody() {
        return Vectors.messageBody(Vectors.recordBody(Vectors.stream("early-alert-client"), 0), 0);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
