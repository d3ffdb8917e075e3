package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** The iterative DER framing check (X.690 section 8.1) that guards Bouncy Castle's recursion. */
class DerStructureTest {
    private static final int DEPTH = CertificateLimits.MAX_DER_DEPTH;

    @Test
    void wellFormedNestedElementsPass() {
        assertNull(check(Hex.bytes("""
                30 0c            // SEQUENCE, 12 bytes
                  02 01 05       //   INTEGER 5
                  a0 03          //   [0] constructed
                    04 01 ff     //     OCTET STRING
                  30 00          //   empty SEQUENCE
                  05 00          //   NULL
                """)));
    }

    @Test
    void elementCutBeforeItsLengthIsMalformed() {
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("""
                30 0b            // SEQUENCE, 11 bytes
                  02 01 05
                  a0 03
                    04 01 ff
                  30 00
                  05             //   NULL without its length octet
                """)));
    }

    @Test
    void longFormLengthsAndHighTagNumbersPass() {
        assertNull(check(Hex.bytes("30 81 03  02 01 01")));
        assertNull(check(Hex.bytes("30 84 00000003  02 01 01")));
        assertNull(check(Hex.bytes("bf 87 68 03  02 01 01"))); // [1000] constructed, two tag octets
    }

    @Test
    void lengthPastItsParentIsMalformed() {
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 03  02 05 01")));
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 04  02 01 01")));
    }

    @Test
    void truncatedHeadersAreMalformed() {
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30")));
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 82 01")));
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("1f 81")));
    }

    @Test
    void indefiniteAndOverlongLengthsAreMalformed() {
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 80  02 01 01  00 00")));
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 85 0000000003  02 01 01")));
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("30 84 80000000")));
    }

    @Test
    void trailingBytesAfterTheElementAreMalformed() {
        assertEquals(CertificateParseError.MALFORMED_DER, check(Hex.bytes("05 00  05 00")));
    }

    @Test
    void emptyInputIsEmpty() {
        assertEquals(CertificateParseError.EMPTY, check(new byte[0]));
    }

    @Test
    void nestingIsBoundedByTheLimit() {
        assertNull(check(CertificateEdgeCaseTest.nestedSequences(DEPTH)));
        assertEquals(CertificateParseError.TOO_DEEP, check(CertificateEdgeCaseTest.nestedSequences(DEPTH + 1)));
        assertEquals(CertificateParseError.TOO_DEEP, check(CertificateEdgeCaseTest.nestedSequences(40_000)));
    }

    @Test
    void checkReadsOnlyItsSlice() {
        byte[] buffer = Hex.bytes("ff ff  05 00  ff");

        assertNull(DerStructure.check(buffer, 2, 2, DEPTH));
    }

    @Test
    void contentsStripTheHeader() {
        assertArrayEquals(Hex.bytes("41 42"), DerStructure.contents(Hex.bytes("0c 02 41 42")));
        assertArrayEquals(Hex.bytes("41"), DerStructure.contents(Hex.bytes("0c 81 01 41")));
        assertNull(DerStructure.contents(Hex.bytes("0c 03 41 42")));
    }

    private static CertificateParseError check(byte[] der) {
        return DerStructure.check(der, 0, der.length, DEPTH);
    }
}
