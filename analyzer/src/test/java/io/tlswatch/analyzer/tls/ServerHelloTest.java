package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.ClientHelloTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** ServerHello and HelloRetryRequest, RFC 8446 §4.1.3 and §4.1.4, RFC 5246 §7.4.1.3. */
class ServerHelloTest {
    /** zeek/tls__hrr.pcap, TCP stream 0, the server's first message (after 02 00 00 54). */
    static final byte[] HELLO_RETRY_REQUEST = Hex.bytes("""
            03 03                                       // legacy_version
            cf 21 ad 74 e5 9a 61 11 be 1d 8c 02 1e 65 b8 91 c2 a2 11 16 7a bb 8c 5e   // random:
            07 9e 09 e2 c8 a8 33 9c                     //   SHA-256("HelloRetryRequest")
            20                                          // legacy_session_id_echo length 32
            1a 6b b8 36 8a dd 0e 28 01 5b d6 cc ed 64 82 36 f4 9e 24 07 f1 96 53 ac
            1f dd 1f fa 48 bf ae cd
            13 02                                       // cipher_suite TLS_AES_256_GCM_SHA384
            00                                          // legacy_compression_method
            00 0c                                       // extensions length 12
            00 2b 00 02 03 04                           // supported_versions: TLS 1.3
            00 33 00 02 00 17                           // key_share: selected_group secp256r1
            """);

    /** arkime/badcurveball.pcap, TCP stream 0: a TLS 1.2 ServerHello that selects ALPN (after 02 00 00 4c). */
    static final byte[] TLS12_WITH_ALPN = Hex.bytes("""
            03 03                                       // server_version TLS 1.2
            d1 b6 bc 54 a8 9e 67 ac 3e d9 b6 b8 26 98 57 62 b4 cc 6c dd e3 9e 4d 7a   // random
            95 42 12 32 c7 47 c5 44
            00                                          // session_id length 0
            c0 2b                                       // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            00                                          // compression_method null
            00 24                                       // extensions length 36
            00 00 00 00                                 // server_name, empty: the server used the SNI
            ff 01 00 01 00                              // renegotiation_info
            00 0b 00 04 03 00 01 02                     // ec_point_formats
            00 23 00 00                                 // session_ticket
            00 10 00 0b 00 09 08 68 74 74 70 2f 31 2e 31  // ALPN: "http/1.1"
            """);

    /** ja4/latest.pcapng, TCP stream 3: a TLS 1.3-capable server negotiating TLS 1.2 (after 02 00 00 63). */
    static final byte[] DOWNGRADE_MARKED = Hex.bytes("""
            03 03                                       // server_version TLS 1.2
            8c 62 da 25 45 69 7d 99 e7 f3 d8 7f 4f 19 62 d5 c0 2b b2 65 a1 10 49 6e   // random, ending
            44 4f 57 4e 47 52 44 01                     //   "DOWNGRD" 01 (RFC 8446 §4.1.3)
            20                                          // session_id length 32
            43 d8 69 43 97 67 bd 30 5d 94 de f6 f0 28 dd c7 b8 02 45 ce fd 2c 6d b7
            11 a4 85 44 56 db 12 07
            c0 2f                                       // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            00                                          // compression_method null
            00 1b                                       // extensions length 27
            00 00 00 00 00 0b 00 02 01 00 ff 01 00 01 00 00 05 00 00 00 23 00 00 00 17 00 00
            """);

    /** suricata-verify/tls__tls13-draft14__tls13_draft14.pcap: the draft layout (after 02 00 00 6f). */
    static final byte[] DRAFT_14 = Hex.bytes("""
            03 04                                       // version: early drafts put 0x0304 here
            23 93 b6 51 8b 8d d3 d7 ae 95 71 55 97 79 35 93 2a 6f 5e 60 0e 5b 7d 97   // random
            74 da a7 bc 2f 2c bc c3
            c0 2b                                       // cipher_suite (no session id, no compression)
            00 49                                       // extensions length 73
            00 28 00 45                                 // key_share (draft code point 40), length 69
            00 17 00 41 04 2d d0 95 2d a4 64 b9 32 02 b0 67 c8 46 02 99 14 09 7c 18
            87 d6 d0 68 d3 53 f8 be a9 19 88 05 19 90 f7 26 f1 f2 73 9d 87 d6 f7 e6
            3b 2b d0 45 d1 9d 69 40 e7 5f e8 ae 06 fd 04 b3 50 c5 bf 15 65
            """);

    @Test
    void helloRetryRequestIsAServerHelloWithTheMagicRandom() {
        ServerHello hrr = parsed(HELLO_RETRY_REQUEST);

        assertTrue(hrr.isHelloRetryRequest());
        assertEquals(0x0304, hrr.selectedVersion());
        assertTrue(hrr.selectsTls13());
        assertEquals(0x1302, hrr.cipherSuite());
        assertEquals(0x0017, hrr.keyShareGroup(), "an HRR's key_share is the selected_group alone");
        assertEquals(32, hrr.sessionId().length);
    }

    @Test
    void tls13ServerHelloSelectsVersionAndKeyShareGroup() {
        ServerHello hello = Vectors.decodeWhole("chrome125-server").serverHellos.get(0);

        assertFalse(hello.isHelloRetryRequest());
        assertEquals(0x0303, hello.legacyVersion());
        assertEquals(0x0304, hello.selectedVersion());
        assertEquals(0x1301, hello.cipherSuite());
        assertEquals(0x6399, hello.keyShareGroup(), "X25519Kyber768Draft00");
        assertArrayEquals(new int[] {51, 43}, hello.extensions().types());
        assertNull(hello.alpn());
    }

    @Test
    void tls12ServerHelloSelectsAlpn() {
        ServerHello hello = parsed(TLS12_WITH_ALPN);

        assertEquals(0x0303, hello.selectedVersion());
        assertFalse(hello.selectsTls13());
        assertEquals(0xc02b, hello.cipherSuite());
        assertEquals("http/1.1", hello.alpn());
        assertArrayEquals("http/1.1".getBytes(StandardCharsets.US_ASCII), hello.alpnBytes());
        assertArrayEquals(new int[] {0, 0xff01, 11, 35, 16}, hello.extensions().types());
        assertEquals(-1, hello.keyShareGroup());
        assertEquals(0, hello.downgradeSentinel());
    }

    @Test
    void downgradeSentinelMarksATls13ServerSpeakingTls12() {
        assertEquals(0x0303, parsed(DOWNGRADE_MARKED).downgradeSentinel());
    }

    @Test
    void earlyTls13DraftLayoutHasNoSessionIdNorCompression() {
        ServerHello hello = parsed(DRAFT_14);

        assertEquals(0x0304, hello.selectedVersion());
        assertEquals(0xc02b, hello.cipherSuite());
        assertEquals(0, hello.sessionId().length);
        assertArrayEquals(new int[] {0x28}, hello.extensions().types());
    }

    @Test
    void ssl3ServerHello() {
        ServerHello hello = Vectors.decodeWhole("ssl3-server").serverHellos.get(0);

        assertEquals(0x0300, hello.selectedVersion());
        assertEquals("SSLv3", TlsNames.versionName(hello.selectedVersion()));
        assertEquals(0x0035, hello.cipherSuite());
        assertArrayEquals(new int[] {0xff01}, hello.extensions().types());
    }

    @Test
    void extensionOverrunningTheBlockFailsTheHello() {
        byte[] broken = HELLO_RETRY_REQUEST.clone();
        broken[broken.length - 9] = 3; // supported_versions data length 2 -> 3 swallows the key_share type

        assertFailure(ServerHello.parse(broken, 0, broken.length), TlsParseError.TRUNCATED, "ServerHello.extensions");
    }

    @Test
    void malformedSupportedVersionsFallsBackToLegacyVersionAndIsNamed() {
        ServerHello hrr = parsed(HELLO_RETRY_REQUEST);
        byte[] body = new TlsBytes().u16(0x0303).bytes(hrr.random()).vector8(hrr.sessionId()).u16(0x1302).u8(0)
                .bytes(TlsBytes.extensions(List.of(
                        new TlsExtension(TlsExtension.SUPPORTED_VERSIONS, new byte[] {3, 4, 0}),
                        new TlsExtension(TlsExtension.KEY_SHARE, new byte[] {0, 0x17}))))
                .toBytes();

        ServerHello hello = parsed(body);

        assertEquals(0x0303, hello.selectedVersion());
        assertEquals(List.of("supported_versions.selected_version is followed by bytes no field accounts for"),
                hello.errors());
        assertEquals(0x0017, hello.keyShareGroup());
    }

    @Test
    void truncatedAtEveryLengthFailsWithANamedField() {
        int extensionsOffset = 2 + 32 + 1 + 32 + 2 + 1;
        for (int len = 0; len < HELLO_RETRY_REQUEST.length; len++) {
            TlsParse<ServerHello> p = ServerHello.parse(HELLO_RETRY_REQUEST, 0, len);
            assertEquals(len == extensionsOffset, p.isParsed(), "prefix of " + len);
            assertTrue(p.isParsed() || p.field().startsWith("ServerHello."), p::reason);
        }
    }

    @Test
    void everyOneByteBreakageParsesOrNamesItsReason() {
        for (byte[] vector : new byte[][] {HELLO_RETRY_REQUEST, TLS12_WITH_ALPN, DRAFT_14}) {
            for (int i = 0; i < vector.length; i++) {
                byte[] broken = vector.clone();
                broken[i] ^= (byte) 0xff;
                TlsParse<ServerHello> p = ServerHello.parse(broken, 0, broken.length);
                assertTrue(p.isParsed() || p.error() != null, "byte " + i);
            }
        }
    }

    @Test
    void sessionIdEchoLongerThan32IsABadLength() {
        byte[] broken = Arrays.copyOf(HELLO_RETRY_REQUEST, HELLO_RETRY_REQUEST.length);
        broken[34] = 33;
        assertFailure(ServerHello.parse(broken, 0, broken.length), TlsParseError.BAD_LENGTH,
                "ServerHello.legacy_session_id_echo");
    }

    private static ServerHello parsed(byte[] body) {
        TlsParse<ServerHello> p = ServerHello.parse(body, 0, body.length);
        assertTrue(p.isParsed(), p::reason);
        return p.value();
    }
}
