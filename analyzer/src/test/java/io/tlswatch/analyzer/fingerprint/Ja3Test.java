package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsNames;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * JA3's rules on real hellos: which values enter each field and what an absent list looks like.
 * The exact strings and hashes the references print are in {@link ReferenceValuesTest}.
 */
class Ja3Test {
    private static final int VERSION = 0;
    private static final int CIPHERS = 1;
    private static final int EXTENSIONS = 2;
    private static final int GROUPS = 3;
    private static final int POINT_FORMATS = 4;

    @Test
    void greaseIsLeftOutOfCiphersExtensionsAndGroups() {
        ClientHello chrome = Hellos.client("chrome-split-client");
        assertEquals(1, Arrays.stream(chrome.cipherSuites()).filter(TlsNames::isGrease).count());
        assertEquals(2, Arrays.stream(chrome.extensions().types()).filter(TlsNames::isGrease).count());
        assertEquals(1, Arrays.stream(chrome.offered().supportedGroups()).filter(TlsNames::isGrease).count());

        String[] fields = fields(chrome);

        assertEquals(chrome.cipherSuites().length - 1, values(fields[CIPHERS]).length);
        assertEquals(chrome.extensions().size() - 2, values(fields[EXTENSIONS]).length);
        assertEquals(chrome.offered().supportedGroups().length - 1, values(fields[GROUPS]).length);
        for (int field = CIPHERS; field <= GROUPS; field++) {
            for (int v : values(fields[field])) {
                assertFalse(TlsNames.isGrease(v), fields[field]);
            }
        }
    }

    @Test
    void versionIsLegacyVersionEvenWhenSupportedVersionsOffersTls13() {
        ClientHello chrome = Hellos.client("chrome-split-client");
        assertTrue(chrome.offered().offersTls13());

        assertEquals("771", fields(chrome)[VERSION]);
    }

    @Test
    void extensionsKeepWireOrderWithPaddingAndUnknownTypes() {
        ClientHello hello = Hellos.client("foxio-non-ascii-alpn-client");
        int[] types = Arrays.stream(hello.extensions().types()).filter(t -> !TlsNames.isGrease(t)).toArray();

        int[] listed = values(fields(hello)[EXTENSIONS]);

        assertArrayEquals(types, listed);
        assertEquals(TlsExtension.PADDING, listed[listed.length - 1], "padding (21) is the last extension sent");
        assertTrue(Arrays.stream(listed).anyMatch(t -> t == 17513), "application_settings, unknown to the TLS tables");
    }

    @Test
    void helloWithoutExtensionsLeavesThreeEmptyFields() {
        ClientHello ssl3 = Hellos.client("ssl3-client");
        assertFalse(ssl3.extensions().present());

        String text = Ja3.of(ssl3).orElseThrow().text();

        assertTrue(text.startsWith("768,57-56-53-"), text);
        assertTrue(text.endsWith("-255,,,"), text);
    }

    @Test
    void extensionsWithoutGroupsOrPointFormatsLeaveThoseFieldsEmpty() {
        String[] fields = fields(Hellos.client("ldap-no-sni-client"));

        assertEquals("65281-13", fields[EXTENSIONS]);
        assertEquals("", fields[GROUPS]);
        assertEquals("", fields[POINT_FORMATS]);
    }

    @Test
    void pointFormatsAreListedAsSent() {
        assertEquals("0-1-2", fields(Hellos.client("curl-scsv-client"))[POINT_FORMATS]);
        assertEquals("", fields(Hellos.client("quic-client"))[POINT_FORMATS], "QUIC clients send none");
    }

    @Test
    void sslv2CompatibleHelloHasNoJa3() {
        // The reference reads TLS handshake records only; TShark leaves ja3 empty for this hello too
        // (suricata-verify/expected/sslv2-tls-upgrade-01__ssl-v2-s1.pcap.hello.oracle.tsv, frame 4).
        ClientHello sslv2 = Hellos.client("sslv2-upgrade-client");
        assertTrue(sslv2.sslv2Compatible());

        assertTrue(Ja3.of(sslv2).isEmpty());
    }

    @Test
    void malformedSupportedGroupsLeavesItsFieldEmptyAndTheRestIntact() {
        ClientHello real = Hellos.client("curl-scsv-client");
        List<TlsExtension> broken = new ArrayList<>();
        for (TlsExtension e : real.extensions().all()) {
            boolean groups = e.type() == TlsExtension.SUPPORTED_GROUPS;
            broken.add(groups ? new TlsExtension(e.type(), new byte[] {0, 3, 0, 0x1d, 0}) : e);
        }
        ClientHello hello = Hellos.withExtensions(real, broken);
        assertEquals(1, hello.offered().errors().size(), hello.offered().errors().toString());

        String[] fields = fields(hello);

        assertEquals("", fields[GROUPS]);
        assertFieldsEqualExcept(fields(real), fields, GROUPS);
    }

    @Test
    void md5IsOfTheText() {
        Ja3 ja3 = Ja3.of(Hellos.client("socks-tls10-client")).orElseThrow();
        // The MD5 of the JA3 string in Salesforce's README example
        // ("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0").
        assertEquals("ada70206e40642a3e4461f35503241d5",
                Digests.md5Hex("769,47-53-5-10-49161-49162-49171-49172-50-56-19-4,0-10-11,23-24-25,0"));
        assertEquals(Digests.md5Hex(ja3.text()), ja3.md5());
    }

    private static String[] fields(ClientHello hello) {
        String[] fields = Ja3.of(hello).orElseThrow().text().split(",", -1);
        assertEquals(5, fields.length);
        return fields;
    }

    private static int[] values(String field) {
        return field.isEmpty() ? new int[0] : Arrays.stream(field.split("-")).mapToInt(Integer::parseInt).toArray();
    }

    /** Every field equal except {@code except}. */
    private static void assertFieldsEqualExcept(String[] expected, String[] actual, int except) {
        for (int i = 0; i < expected.length; i++) {
            if (i != except) {
                assertEquals(expected[i], actual[i], "field " + i);
            }
        }
    }
}
