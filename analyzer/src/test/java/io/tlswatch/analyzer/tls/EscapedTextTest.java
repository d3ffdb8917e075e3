package io.tlswatch.analyzer.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Attacker-chosen names as safe, reversible text. */
class EscapedTextTest {
    @Test
    void printableAsciiPassesThrough() {
        assertEquals("www.example.com", EscapedText.of("www.example.com".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void controlsSpaceBackslashAndHighBytesAreEscaped() {
        byte[] name = {'a', 0, '\n', ' ', '\\', (byte) 0x7f, (byte) 0xc3, (byte) 0xa9};
        assertEquals("a\\x00\\x0a\\x20\\x5c\\x7f\\xc3\\xa9", EscapedText.of(name));
    }

    @Test
    void escapesOnlyTheSlice() {
        byte[] b = "xxab\u0001yy".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("ab\\x01", EscapedText.of(b, 2, 3));
    }
}
