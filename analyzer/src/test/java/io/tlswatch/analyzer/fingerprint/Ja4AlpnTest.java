package io.tlswatch.analyzer.fingerprint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JA4's ALPN characters (FoxIO JA4.md, "ALPN Extension Value"), with the specification's examples. */
class Ja4AlpnTest {
    @Test
    void firstAndLastCharacterOfTheFirstName() {
        assertEquals("h2", alpn("h2", "http/1.1"));
        assertEquals("h1", alpn("http/1.1"));
        assertEquals("s1", alpn("spdy/3.1", "http/1.1"));
        assertEquals("H2", alpn("H2"), "case as sent");
    }

    @Test
    void aOneCharacterNameGivesThatCharacterTwice() {
        assertEquals("aa", alpn("a"));
    }

    @Test
    void noNameGivesZeros() {
        assertEquals("00", Ja4Alpn.of(List.of()));
        assertEquals("00", Ja4Alpn.of(List.of(new byte[0])));
    }

    @Test
    void nonAlphanumericEndsGiveTheEndsOfTheHex() {
        // The specification's five examples.
        assertEquals("ab", alpnHex("ab"));
        assertEquals("ad", alpnHex("ab cd"));
        assertEquals("3b", alpnHex("30 ab"));
        assertEquals("3d", alpnHex("30 31 ab cd"));
        assertEquals("01", alpnHex("30 ab cd 31"));
        assertEquals("2f", alpnHex("2f"), "'/' is printable but not alphanumeric");
    }

    @Test
    void nonAsciiAlpnCaptureDiffersFromFoxIoOutputsOnlyInThoseTwoCharacters() {
        // ja4/tls-non-ascii-alpn.pcapng: the first name is 0xba 0xad. FoxIO's python and rust print
        // t13d151699_8daaf6152771_e5627efa2ab1 (ja4/expected/*.ja4-python.json, *.ja4-rust.snap);
        // the specification's hex rule makes the two characters "bd".
        ClientHello hello = Hellos.client("foxio-non-ascii-alpn-client");
        assertEquals("baad", Hex.of(hello.offered().alpnProtocolBytes().get(0)));

        String ja4 = Ja4.of(hello, Ja4Transport.TCP).ja4();

        assertEquals("t13d1516bd_8daaf6152771_e5627efa2ab1", ja4);
        assertEquals("t13d151699_8daaf6152771_e5627efa2ab1", ja4.substring(0, 8) + "99" + ja4.substring(10));
    }

    @Test
    void malformedAlpnExtensionGivesZeros() {
        ClientHello chrome = Hellos.client("chrome-split-client");
        ClientHello hello = Ja4Test.withExtension(chrome, TlsExtension.ALPN, "00 05 02 68 32");

        assertEquals("00", Ja4.of(hello, Ja4Transport.TCP).ja4().substring(8, 10));
    }

    private static String alpn(String... names) {
        return Ja4Alpn.of(Arrays.stream(names).map(n -> n.getBytes(StandardCharsets.US_ASCII)).toList());
    }

    private static String alpnHex(String hex) {
        return Ja4Alpn.of(List.of(Hex.bytes(hex)));
    }
}
