package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.tls.ServerHello;
import org.junit.jupiter.api.Test;

/** JA3S's rules on real server hellos; the reference strings are in {@link ReferenceValuesTest}. */
class Ja3sTest {
    @Test
    void versionIsLegacyVersionEvenWhenTls13IsSelected() {
        ServerHello hello = Hellos.server("chrome-split-server");
        assertEquals(0x0304, hello.selectedVersion());

        assertEquals("771,4865,51-43", Ja3s.of(hello).text());
    }

    @Test
    void serverWithoutExtensionsKeepsTheTrailingComma() {
        ServerHello hello = Hellos.server("mysql-tls11-server");
        assertTrue(hello.extensions().all().isEmpty());

        assertEquals("770,53,", Ja3s.of(hello).text());
    }

    @Test
    void helloRetryRequestGetsAJa3s() {
        ServerHello hrr = Hellos.server("hrr-server");
        assertTrue(hrr.isHelloRetryRequest());

        assertEquals("771,4866,43-51", Ja3s.of(hrr).text());
    }

    @Test
    void draftServerHelloIsReadWithItsOwnLayoutWhereTsharkReadsGarbage() {
        // suricata-verify tls13-draft14, frame 6: version 0x0304, random, then straight away the
        // cipher suite c0 2b and the extensions (draft-ietf-tls-tls13-14 §4.1.3). TShark prints
        // "772,44205,": it takes 0x2b as a session id length and reads on from there.
        ServerHello hello = Hellos.server("draft14-server");
        assertEquals(0xc02b, hello.cipherSuite());

        Ja3s ja3s = Ja3s.of(hello);

        assertEquals("772,49195,40", ja3s.text());
        assertNotEquals("772,44205,", ja3s.text());
    }
}
