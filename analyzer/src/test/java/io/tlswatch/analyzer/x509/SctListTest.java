package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.testkit.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 6962 section 3.3 SignedCertificateTimestampList framing, on a real list and its breakages. */
class SctListTest {
    /**
     * The embedded SCT list of go.microsoft.com's 2021 certificate (suricata-verify
     * tests/tls/tls-subject-zero/input.pcap, see the corpus README): three SCTs from three logs.
     */
    static final byte[] MICROSOFT_LIST = Hex.bytes("""
            0166                                                             // list length 358
            0075                                                             // SCT 1: 117 bytes
              00                                                             // v1
              46A555EB75FA912030B5A28969F4F37D112C4174BEFD49B885ABF2FC70FE6D47 // log id
              0000017DBF99D055 0000                                          // timestamp, no extensions
              0403 0046 304402200096CDE0B7AB48B4B4406B23BC7876E1BC55F765E2D5F61A1CF68215630A051F
              02207F42621660A94D538F84C3FFAAF857C84CA007127212DE09E180B38CA97B299E
            0075                                                             // SCT 2: 117 bytes
              00
              41C8CAB1DF22464A10C6A13A0942875E4E318B1B03EBEB4BC768F090629606F6
              0000017DBF99CD83 0000
              0403 0046 3044022067AF32F21639F6BD768221510228ADDABBD763E72BAB930C7303E5131F802425
              022060A9235FEC2C81B25DD2BD7230DC702EA45E86D97B58491049B7F89DCAB1371C
            0076                                                             // SCT 3: 118 bytes
              00
              2979BEF09E393921F056739F63A577E5BE577D9C600AF8F94D5D265C255DC784
              0000017DBF99CD66 0000
              0403 0047 3045022100E830A1D8509C0521EF2E05DAB9CAE75F6F5080E6E18059FD3663122C6F146BAA
              0220799FB6A117CB19AABAA7FAC20C16820E7FEF263AA9B8AAFB90F745F8EA9419F3
            """);

    @Test
    void realListCountsItsThreeScts() {
        assertEquals(360, MICROSOFT_LIST.length);
        assertEquals(3, SctList.count(MICROSOFT_LIST, 0, MICROSOFT_LIST.length));
    }

    @Test
    void listInsideALargerBufferIsCountedInPlace() {
        byte[] framed = new byte[MICROSOFT_LIST.length + 10];
        System.arraycopy(MICROSOFT_LIST, 0, framed, 7, MICROSOFT_LIST.length);

        assertEquals(3, SctList.count(framed, 7, MICROSOFT_LIST.length));
    }

    @Test
    void everyTruncationIsMalformed() {
        for (int length = 0; length < MICROSOFT_LIST.length; length++) {
            assertEquals(SctList.MALFORMED, SctList.count(Arrays.copyOf(MICROSOFT_LIST, length), 0, length),
                    "cut at " + length);
        }
    }

    @Test
    void trailingByteIsMalformed() {
        byte[] longer = Arrays.copyOf(MICROSOFT_LIST, MICROSOFT_LIST.length + 1);

        assertEquals(SctList.MALFORMED, SctList.count(longer, 0, longer.length));
    }

    @Test
    void oneBrokenLengthByteIsMalformed() {
        int[] lengthOctets = {1, 3, 2 + 2 + 117 + 1, 2 + 2 + 117 + 2 + 117 + 1};
        for (int at : lengthOctets) {
            byte[] broken = MICROSOFT_LIST.clone();
            broken[at]++;
            assertEquals(SctList.MALFORMED, SctList.count(broken, 0, broken.length), "length octet " + at);
        }
    }

    @Test
    void emptyListAndEmptySctAreMalformed() {
        assertEquals(SctList.MALFORMED, SctList.count(Hex.bytes("0000"), 0, 2));
        assertEquals(SctList.MALFORMED, SctList.count(Hex.bytes("0002 0000"), 0, 4));
    }

    @Test
    void sliceOutsideTheBufferIsMalformedNotAnException() {
        assertEquals(SctList.MALFORMED, SctList.count(MICROSOFT_LIST, 300, 100));
        assertEquals(SctList.MALFORMED, SctList.count(MICROSOFT_LIST, -1, 10));
    }
}
