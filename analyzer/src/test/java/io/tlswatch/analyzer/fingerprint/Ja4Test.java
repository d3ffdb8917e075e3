package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.testkit.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * JA4's rules (FoxIO technical_details/JA4.md) on real hellos and on real hellos with one thing
 * changed; the values the references print for the unchanged hellos are in
 * {@link ReferenceValuesTest}.
 */
class Ja4Test {
    private static final String ZEROS = "000000000000";

    @Test
    void transportIsTheFirstCharacterAndNothingElse() {
        ClientHello hello = Hellos.client("chrome-split-client");

        Ja4 tcp = Ja4.of(hello, Ja4Transport.TCP);
        Ja4 quic = Ja4.of(hello, Ja4Transport.QUIC);
        Ja4 dtls = Ja4.of(hello, Ja4Transport.DTLS);

        assertEquals("t13d1516h2_8daaf6152771_02713d6af862", tcp.ja4(), "Arkime's value for this hello");
        assertEquals("q" + tcp.ja4().substring(1), quic.ja4());
        assertEquals("d" + tcp.ja4().substring(1), dtls.ja4());
        assertEquals("q" + tcp.ja4RawOriginal().substring(1), quic.ja4RawOriginal());
    }

    @Test
    void greaseIsNotCountedNorListed() {
        // 16 suites, one GREASE; 18 extensions, two GREASE; supported_versions 9a9a 0304 0303.
        Ja4 ja4 = Ja4.of(Hellos.client("chrome-split-client"), Ja4Transport.TCP);

        assertTrue(ja4.ja4().startsWith("t13d1516h2_"), ja4.ja4());
        assertFalse(ja4.ja4RawOriginal().contains("1a1a"), ja4.ja4RawOriginal());
        assertFalse(ja4.ja4RawOriginal().contains("9a9a"), ja4.ja4RawOriginal());
    }

    @Test
    void versionIsTheHighestOfSupportedVersionsElseLegacyVersion() {
        assertEquals("13", version(Hellos.client("chrome-split-client")));
        assertEquals("10", version(Hellos.client("socks-tls10-client")), "no supported_versions: legacy 0x0301");
        assertEquals("s3", version(Hellos.client("ssl3-client")));
        ClientHello tls13 = Hellos.client("curl-scsv-client");
        assertEquals("12", version(withExtension(tls13, TlsExtension.SUPPORTED_VERSIONS, "04 03 03 03 02")));
        assertEquals("00", version(withExtension(tls13, TlsExtension.SUPPORTED_VERSIONS, "04 7f 1c 03 04")),
                "a draft number is higher than 0x0304 and has no code");
        assertEquals("00", version(withExtension(tls13, TlsExtension.SUPPORTED_VERSIONS, "02 3a 3a")),
                "nothing but GREASE");
        assertEquals("00", version(withExtension(tls13, TlsExtension.SUPPORTED_VERSIONS, "05 03 04")),
                "malformed");
    }

    @Test
    void dtlsVersionsHaveTheirOwnCodesAndTheNumericallyHighestWins() {
        ClientHello hello = Hellos.client("curl-scsv-client");

        assertEquals("d1", version(withExtension(hello, TlsExtension.SUPPORTED_VERSIONS, "02 fe ff")));
        assertEquals("d2", version(withExtension(hello, TlsExtension.SUPPORTED_VERSIONS, "04 fe fc fe fd")),
                "0xfefd > 0xfefc, as both FoxIO implementations compare");
        assertEquals("d3", version(withExtension(hello, TlsExtension.SUPPORTED_VERSIONS, "02 fe fc")));
    }

    @Test
    void sniFlagIsWhetherServerNameIsPresent() {
        assertEquals('i', Ja4.of(Hellos.client("ldap-no-sni-client"), Ja4Transport.TCP).ja4().charAt(3));
        // zeek's tls-fragmented-handshake client names "104.236.167.107" in server_name: the
        // references test for the extension, not for what it names.
        ClientHello addressLiteral = Hellos.client("ip-sni-client");
        assertEquals("104.236.167.107", addressLiteral.offered().serverName());
        assertEquals('d', Ja4.of(addressLiteral, Ja4Transport.TCP).ja4().charAt(3));
    }

    @Test
    void countsAreCappedAt99ButEveryValueIsHashed() {
        ClientHello base = Hellos.client("socks-tls10-client");
        int[] suites = IntStream.rangeClosed(1, 120).toArray();
        List<TlsExtension> extensions = new ArrayList<>();
        for (int type = 0x1000; type < 0x1000 + 105; type++) {
            extensions.add(new TlsExtension(type, new byte[0]));
        }

        Ja4 ja4 = Ja4.of(Hellos.rebuilt(base, suites, extensions), Ja4Transport.TCP);

        assertTrue(ja4.ja4().startsWith("t10i999900_"), ja4.ja4());
        String[] raw = ja4.ja4Raw().split("_");
        assertEquals(120, raw[1].split(",").length);
        assertEquals(105, raw[2].split(",").length);
        assertEquals(Digests.sha256Prefix(raw[1]), ja4.ja4().split("_")[1]);
    }

    @Test
    void noCipherLeftAfterGreaseHashesToZeros() {
        ClientHello hello = Hellos.withCipherSuites(Hellos.client("socks-tls10-client"), 0x0a0a, 0xfafa);

        Ja4 ja4 = Ja4.of(hello, Ja4Transport.TCP);

        assertTrue(ja4.ja4().startsWith("t10d0001"), ja4.ja4());
        assertEquals(ZEROS, ja4.ja4().split("_")[1]);
        assertEquals(ZEROS, ja4.ja4Original().split("_")[1]);
        assertEquals("", ja4.ja4Raw().split("_", -1)[1]);
    }

    @Test
    void onlySniAndAlpnLeaveNothingToHashInEitherOrder() {
        ClientHello real = Hellos.client("curl-scsv-client");
        List<TlsExtension> two = List.of(real.extensions().find(TlsExtension.SERVER_NAME),
                real.extensions().find(TlsExtension.ALPN));

        Ja4 ja4 = Ja4.of(Hellos.withExtensions(real, two), Ja4Transport.TCP);

        assertTrue(ja4.ja4().startsWith("t12d0402h2_"), ja4.ja4());
        assertTrue(ja4.ja4().endsWith("_" + ZEROS), ja4.ja4());
        assertTrue(ja4.ja4Original().endsWith("_" + ZEROS), "as FoxIO's python prints ja4_o: " + ja4.ja4Original());
        assertTrue(ja4.ja4Raw().endsWith("_"), ja4.ja4Raw());
        assertTrue(ja4.ja4RawOriginal().endsWith("_0000,0010"), ja4.ja4RawOriginal());
    }

    @Test
    void signatureAlgorithmsKeepTheirOrderWithoutGrease() {
        ClientHello real = Hellos.client("chrome-split-client");
        ClientHello greased = withExtension(real, TlsExtension.SIGNATURE_ALGORITHMS,
                "00 14 04 03 08 04 0a 0a 04 01 05 03 08 05 05 01 08 06 06 01 fa fa");

        Ja4 ja4 = Ja4.of(greased, Ja4Transport.TCP);

        assertEquals(Ja4.of(real, Ja4Transport.TCP), ja4);
        assertTrue(ja4.ja4Raw().endsWith("_0403,0804,0401,0503,0805,0501,0806,0601"), ja4.ja4Raw());
    }

    @Test
    void signatureAlgorithmsComeFromSignatureAlgorithmsOnly() {
        ClientHello real = Hellos.client("chrome-split-client");
        List<TlsExtension> extensions = new ArrayList<>(real.extensions().all());
        extensions.add(new TlsExtension(50, Hex.bytes("00 04 08 07 08 08")));  // signature_algorithms_cert

        Ja4 ja4 = Ja4.of(Hellos.withExtensions(real, extensions), Ja4Transport.TCP);

        assertTrue(ja4.ja4().startsWith("t13d1517h2_"), ja4.ja4());
        assertTrue(ja4.ja4Raw().contains(",0032,"), ja4.ja4Raw());
        assertTrue(ja4.ja4Raw().endsWith("_0403,0804,0401,0503,0805,0501,0806,0601"), ja4.ja4Raw());
    }

    @Test
    void withoutSignatureAlgorithmsTheExtensionListEndsWithoutUnderscore() {
        // mysql-tls11-client: extensions 000a and 000b, no signature_algorithms (Arkime's ja4_r).
        Ja4 ja4 = Ja4.of(Hellos.client("mysql-tls11-client"), Ja4Transport.TCP);

        assertTrue(ja4.ja4Raw().endsWith("_000a,000b"), ja4.ja4Raw());
        assertEquals(Digests.sha256Prefix("000a,000b"), ja4.ja4().split("_")[2]);
    }

    @Test
    void sslv2CompatibleHelloIsFingerprintedFromItsVersionAndTlsSuites() {
        // The vector's twenty specs whose first byte is 0, sorted; SSL 2.0-only specs are not suites.
        String suites = "0003,0004,0005,0006,0009,000a,0012,0013,0015,0016,002f,0032,0033,0035,0038,0039,0062,0064,"
                + "fefe,feff";
        ClientHello sslv2 = Hellos.client("sslv2-upgrade-client");

        Ja4 ja4 = Ja4.of(sslv2, Ja4Transport.TCP);

        assertEquals("t10i200000_" + Digests.sha256Prefix(suites) + "_" + ZEROS, ja4.ja4());
        assertEquals("t10i200000_" + suites + "_", ja4.ja4Raw());
        byte[] ssl20 = Hellos.bytes("sslv2-upgrade-client");
        ssl20[3] = 0x00;
        ssl20[4] = 0x02;
        ClientHello ssl2 = ClientHello.parseSslV2(ssl20, 2, ssl20.length - 2).value();
        assertEquals("s2", Ja4.of(ssl2, Ja4Transport.TCP).ja4().substring(1, 3));
    }

    private static String version(ClientHello hello) {
        return Ja4.of(hello, Ja4Transport.TCP).ja4().substring(1, 3);
    }

    /** {@code hello} with the first extension of {@code type} given new data, or added at the end. */
    static ClientHello withExtension(ClientHello hello, int type, String hexData) {
        TlsExtension replacement = new TlsExtension(type, Hex.bytes(hexData));
        List<TlsExtension> extensions = new ArrayList<>();
        boolean replaced = false;
        for (TlsExtension e : hello.extensions().all()) {
            boolean match = !replaced && e.type() == type;
            extensions.add(match ? replacement : e);
            replaced |= match;
        }
        if (!replaced) {
            extensions.add(replacement);
        }
        return Hellos.withExtensions(hello, extensions);
    }
}
