package io.tlswatch.analyzer.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The readers of the peers' published fingerprints, on excerpts of the corpus files they read
 * (trimmed, values as published), so they are checked without ../shared: what each keeps, what it
 * leaves out on purpose, and that a fingerprint field it does not know stops the test.
 */
class PublishedFingerprintReadersTest {
    /** ja4/latest.pcapng stream 1's JA4_r and JA4_ro, as FoxIO's python prints them. */
    private static final String R = "t13d1516h2_002f,0035,009c,009d,1301,1302,1303,c013,c014,c02b,c02c,c02f,c030,"
            + "cca8,cca9_0005,000a,000b,000d,0012,0015,0017,001b,0023,002b,002d,0033,4469,ff01_0403,0804,0401,0503,"
            + "0805,0501,0806,0601";
    private static final String RO = "t13d1516h2_1301,1302,1303,c02b,c02f,c02c,c030,cca9,cca8,c013,c014,009c,009d,"
            + "002f,0035_0023,ff01,0000,001b,0012,4469,002d,002b,000d,0010,0033,000a,0005,0017,000b,0015_0403,0804,"
            + "0401,0503,0805,0501,0806,0601";

    private static PublishedFingerprint p(String source, Fingerprint kind, String value) {
        return new PublishedFingerprint(source, kind, value);
    }

    @Test
    void tsharkGivesTheFirstClientHelloAndLastServerHelloOfEachStream() {
        List<Map<String, String>> hellos = List.of(
                // ndpi/steam.pcapng tcp1: a HelloRetryRequest (frame 22), the hello again, the ServerHello
                hello("ClientHello", "tcp1", "07eb11020e4395f99e5ef70baf9c1d11"),
                hello("ServerHello", "tcp1", "15af977ce25de452b96affa2addb1036"),
                hello("ClientHello", "tcp1", "07eb11020e4395f99e5ef70baf9c1d11"),
                // suricata-verify/tls-duplicate-hello: a second, different ClientHello on tcp7
                hello("ClientHello", "tcp7", "43202faa1c8c1760d6f7f4bd9adde4ab"),
                hello("ClientHello", "tcp7", "0d245ced3bf51e17d08b66272836538d"),
                hello("ServerHello", "tcp1", "907bf3ecef1c987c889946b737b43de8"),
                // mitmengine OpenSSL 0.9.8f: an SSL 2.0-compatible hello, for which tshark has no JA3
                hello("ClientHello", "tcp0", ""),
                hello("ServerHello", "tcp0", "9a2c6bfd476184689a786457f33ece3a"));

        assertEquals(List.of(
                p("tshark", Fingerprint.JA3, "07eb11020e4395f99e5ef70baf9c1d11"),
                p("tshark", Fingerprint.JA3, "43202faa1c8c1760d6f7f4bd9adde4ab"),
                p("tshark", Fingerprint.JA3S, "907bf3ecef1c987c889946b737b43de8"),
                p("tshark", Fingerprint.JA3S, "9a2c6bfd476184689a786457f33ece3a")),
                new TsharkOracle(List.of(), hellos).fingerprints());
    }

    private static Map<String, String> hello(String message, String stream, String md5) {
        return Map.of("msg", message, "stream", stream,
                message.equals("ClientHello") ? "ja3_md5(tshark)" : "ja3s_md5(tshark)", md5);
    }

    @Test
    void suricataFiltersPublishTheirFingerprintsAsOftenAsTheirCount() {
        List<String> yaml = List.of(
                "args:",
                "  - -k none --set app-layer.protocols.tls.ja4-fingerprints=yes",
                "",
                "checks:",
                "  - filter:",
                "      count: 3",
                "      match:",
                "        event_type: tls",
                "        tls.sni: \"localhost\"",
                "",
                "  - filter:",
                "      requires:",
                "        features:",
                "          - HAVE_JA3",
                "      count: 2",
                "      match:",
                "        event_type: tls",
                "        tls.ja3.hash: \"0e870cb29dd59424064948532781a7f6\"",
                "        tls.ja3.string: \"771,4866-255,0-11-10-35-13-22-23-43-45-40,29-23-25-24,0-1-2\"",
                "  # a check that the field is absent is not a value",
                "  - filter:",
                "      match:",
                "        not-has-key: tls.ja4",
                "  - filter:",
                "      match:",
                "        event_type: quic",
                "        quic.ja4: 'q13d0310h3_55b375c5d22e_cd85d2d88918'",
                "      count: 1");

        assertEquals(List.of(
                p("suricata-verify", Fingerprint.JA3, "0e870cb29dd59424064948532781a7f6"),
                p("suricata-verify", Fingerprint.JA3, "0e870cb29dd59424064948532781a7f6"),
                p("suricata-verify", Fingerprint.JA3_STRING, "771,4866-255,0-11-10-35-13-22-23-43-45-40,29-23-25-24,0-1-2"),
                p("suricata-verify", Fingerprint.JA3_STRING, "771,4866-255,0-11-10-35-13-22-23-43-45-40,29-23-25-24,0-1-2"),
                p("suricata-verify", Fingerprint.JA4, "q13d0310h3_55b375c5d22e_cd85d2d88918")),
                SuricataChecks.fingerprints(yaml, "test.yaml"));
    }

    @Test
    void suricataTestsOfOneCaptureAreAUnionNotASum() {
        PublishedFingerprint ja3 = p("suricata-verify", Fingerprint.JA3, "d00857e0c8e7a7f35e446508c6233460");
        PublishedFingerprint ja4 = p("suricata-verify", Fingerprint.JA4, "t12i1810s1_27d4652c4487_06a4338d0495");

        assertEquals(List.of(ja3, ja3, ja4), PeerFingerprints.union(List.of(List.of(ja3), List.of(ja3, ja3, ja4))));
    }

    @Test
    void anUnknownFingerprintFieldStopsTheTestInsteadOfBeingSkipped() {
        List<String> yaml = List.of("checks:", "  - filter:", "      match:", "        tls.ja3s.md5: \"x\"");

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> SuricataChecks.fingerprints(yaml, "tls-x.test.yaml"));
        assertTrue(e.getMessage().contains("tls-x.test.yaml") && e.getMessage().contains("tls.ja3s.md5"), e.getMessage());
    }

    @Test
    void ndpiFlowLinesGiveJa3cJa4AndJa3sWithoutTheCipherVerdict() {
        List<String> out = List.of(
                "JA3 Host Stats: ",
                "\t\t IP Address                  \t # JA3C     ",
                "\t48\tTCP 192.168.5.16:53623 <-> 192.168.115.75:443 [proto: 91/TLS][Hostname/SNI: 192.168.115.75]"
                        + "[TLSv1.2][JA3C: 799135475da362592a4be9199d258726][JA4: t12i370500_07a749158664_d075105c1994]"
                        + "[JA3S: 573a9f3f80037fb40d481e2054def5bb (WEAK)][Cipher: TLS_RSA_WITH_AES_128_CBC_SHA]");

        assertEquals(List.of(
                p("ndpi", Fingerprint.JA3, "799135475da362592a4be9199d258726"),
                p("ndpi", Fingerprint.JA4, "t12i370500_07a749158664_d075105c1994"),
                p("ndpi", Fingerprint.JA3S, "573a9f3f80037fb40d481e2054def5bb")),
                NdpiFlows.fingerprints(out, "1kxun.pcap.ndpi.out"));
        assertThrows(IllegalStateException.class,
                () -> NdpiFlows.fingerprints(List.of("\t1\tTCP a <-> b [JA4S: t120200_1301_234ea6891581]"), "x.out"));
    }

    @Test
    void arkimeSessionsGiveTheTlsFingerprintArraysAndNotTheirCounts() {
        String json = """
                {"sessions3": [{"body": {"tls": {
                    "ja3": ["3f8b7a5c41878630f67e660533be80fc"], "ja3Cnt": 1,
                    "ja3s": ["573a9f3f80037fb40d481e2054def5bb"], "ja3sCnt": 1,
                    "ja3sstring": ["771,47,65281"],
                    "ja3string": ["771,51-103-69-57-107-136-22-50-64-68-56-106-135-19-102-47-60-65-53-61-132-10-5-4,65281-13,,"],
                    "ja4": ["t12i240200_e34a427d6317_e0d811e466d9"],
                    "ja4_r": ["t12i240200_0004,0005,000a,0013,0016,002f,0032,0033,0035,0038,0039,003c,003d,0040,0041,0044,0045,0066,0067,006a,006b,0084,0087,0088_000d,ff01_0402,0401,0201,0202"],
                    "version": ["TLSv1.2"]}}}]}
                """;

        assertEquals(List.of(
                p("arkime", Fingerprint.JA3, "3f8b7a5c41878630f67e660533be80fc"),
                p("arkime", Fingerprint.JA3S, "573a9f3f80037fb40d481e2054def5bb"),
                p("arkime", Fingerprint.JA3S_STRING, "771,47,65281"),
                p("arkime", Fingerprint.JA3_STRING,
                        "771,51-103-69-57-107-136-22-50-64-68-56-106-135-19-102-47-60-65-53-61-132-10-5-4,65281-13,,"),
                p("arkime", Fingerprint.JA4, "t12i240200_e34a427d6317_e0d811e466d9"),
                p("arkime", Fingerprint.JA4_R, "t12i240200_0004,0005,000a,0013,0016,002f,0032,0033,0035,0038,0039,003c,"
                        + "003d,0040,0041,0044,0045,0066,0067,006a,006b,0084,0087,0088_000d,ff01_0402,0401,0201,0202")),
                ArkimeSessions.fingerprints(JsonLeaves.of(json), "ldap-ssl.pcap.arkime.test.json"));
    }

    @Test
    void foxioPythonGivesEveryJa4RenderingOfEveryHelloAndLeavesJa4PlusOut() {
        // ja4/latest.pcapng stream 1, with a second hello ("JA4.2", Chrome's JA4 from Arkime's
        // tls-split-client-hello) as the python prints a stream's later ClientHellos
        String json = """
                [{"stream": 1, "domain": "pdx-col.eum-appdynamics.com", "JA4L-C": "513_128",
                  "JA4.1": "t13d1516h2_8daaf6152771_e5627efa2ab1",
                  "JA4_r.1": "%s",
                  "JA4_o.1": "t13d1516h2_acb858a92679_9aeef56da6aa",
                  "JA4_ro.1": "%s",
                  "JA4.2": "t13d1516h2_8daaf6152771_02713d6af862",
                  "JA4S": "t1206h2_c02f_3603f09c43ba", "JA4X.1": "a373a9f83c6b_2bab15409345_7bf9a7bf7029"},
                 {"stream": 6, "JA4H": "ge11nn07enus_3e3b55d61660_000000000000_000000000000"}]
                """.formatted(R, RO);

        assertEquals(List.of(
                p("foxio-python", Fingerprint.JA4, "t13d1516h2_8daaf6152771_e5627efa2ab1"),
                p("foxio-python", Fingerprint.JA4_R, R),
                p("foxio-python", Fingerprint.JA4_O, "t13d1516h2_acb858a92679_9aeef56da6aa"),
                p("foxio-python", Fingerprint.JA4_RO, RO),
                p("foxio-python", Fingerprint.JA4, "t13d1516h2_8daaf6152771_02713d6af862")),
                FoxioOutputs.python(JsonLeaves.of(json), "latest.pcapng.ja4-python.json"));
    }

    @Test
    void foxioRustSnapshotsGiveJa4AndWiresharkOutputsHoldOnlyJa4Plus() {
        List<String> snapshot = List.of(
                "---", "source: ja4/src/lib.rs", "expression: output", "---",
                "- stream: 0", "  transport: tcp", "  tls_server_name: clientservices.googleapis.com",
                "  ja4: t13d151699_8daaf6152771_e5627efa2ab1", "  ja4s: t130200_1301_234ea6891581",
                "  tls_certs:", "  - x509:", "    - ja4x: a373a9f83c6b_2bab15409345_7bf9a7bf7029",
                "  ja4l_c: 62_128");
        String wireshark = """
                [{"_source": {"layers": {"frame.number": ["2"],
                    "ja4.ja4s_r": ["t130200_1301_0033,002b"], "ja4.ja4s": ["t130200_1301_234ea6891581"]}}}]
                """;

        assertEquals(List.of(p("foxio-rust", Fingerprint.JA4, "t13d151699_8daaf6152771_e5627efa2ab1")),
                FoxioOutputs.rust(snapshot, "x.ja4-rust.snap"));
        assertEquals(List.of(), FoxioOutputs.wireshark(JsonLeaves.of(wireshark), "x.ja4-wireshark.json"));
    }

    @Test
    void zeekSslLogsGiveFingerprintColumnsOnlyWhereTheyHaveThem() {
        List<String> plain = List.of("#separator \\x09", "#fields\tts\tuid\tversion\tcipher\tserver_name",
                "1.0\tCx\tTLSv12\tTLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\texample.com");
        List<String> withJa3 = List.of("#fields\tts\tserver_name\tja3\tja3s",
                "1.0\texample.com\t8883b2acda8ceb1a4f416c16d9b6c42f\t-");

        assertEquals(List.of(), ZeekSslLog.fingerprints(plain, "ssl.log"));
        assertEquals(List.of(p("zeek", Fingerprint.JA3, "8883b2acda8ceb1a4f416c16d9b6c42f")),
                ZeekSslLog.fingerprints(withJa3, "ssl.log"));
    }

    @Test
    void jsonLeavesNameTheirPathAndField() {
        assertEquals(List.of(new JsonLeaves.Leaf("a[].b.c[]", "c", "x"), new JsonLeaves.Leaf("a[].b.d", "d", "y")),
                JsonLeaves.of("{\"a\": [{\"b\": {\"c\": [\"x\", 1, null], \"d\": \"y\", \"e\": true}}]}"));
    }
}
