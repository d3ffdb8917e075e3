package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.ClientHelloTest.assertFailure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.synth.TlsBytes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** CertificateStatus, RFC 6066 §8 (ocsp) and RFC 6961 §2.2 (ocsp_multi). */
class CertificateStatusTest {
    /** The stapled response of zeek/tls__ocsp-stapling.pcap: the third message of the server's first record. */
    private static byte[] stapled() {
        byte[] record = Vectors.recordBody(Vectors.stream("ocsp-server"), 0);
        int off = 0;
        for (int i = 0; i < 2; i++) {
            off += HandshakeLayout.HEADER_LENGTH + HandshakeLayout.length(record, off);
        }
        assertEquals(HandshakeLayout.CERTIFICATE_STATUS, HandshakeLayout.type(record, off));
        return Vectors.messageBody(record, off);
    }

    @Test
    void ocspResponseIsKeptWhole() {
        CertificateStatus status = parsed(stapled());

        assertEquals(CertificateStatus.OCSP, status.statusType());
        byte[] der = status.responses().get(0);
        assertEquals(stapled().length - 4, der.length, "status_type and the 3-byte length precede it");
        assertEquals(0x30, der[0] & 0xff, "OCSPResponse is a DER SEQUENCE");
        assertEquals(der.length, 4 + ((der[2] & 0xff) << 8 | der[3] & 0xff), "whose length covers it exactly");
        assertArrayEquals(new byte[] {0x0a, 0x01, 0x00}, Arrays.copyOfRange(der, 4, 7),
                "responseStatus successful");
    }

    @Test
    void ocspMultiKeepsEveryResponseIncludingEmptyOnes() {
        byte[] list = new TlsBytes().vector24(new byte[] {0x30, 0}).vector24(new byte[0]).toBytes();
        byte[] body = new TlsBytes().u8(CertificateStatus.OCSP_MULTI).vector24(list).toBytes();

        CertificateStatus status = parsed(body);

        assertEquals(CertificateStatus.OCSP_MULTI, status.statusType());
        assertEquals(2, status.responses().size());
        assertEquals(0, status.responses().get(1).length);
    }

    @Test
    void unknownStatusTypeIsABadValue() {
        byte[] body = {3, 0, 0, 1, 0};
        assertFailure(CertificateStatus.parse(body, 0, body.length), TlsParseError.BAD_VALUE,
                "CertificateStatus.status_type");
    }

    @Test
    void emptyOcspResponseIsABadLength() {
        byte[] body = {1, 0, 0, 0};
        assertFailure(CertificateStatus.parse(body, 0, body.length), TlsParseError.BAD_LENGTH,
                "CertificateStatus.OCSPResponse");
    }

    @Test
    void truncatedAtEveryLengthFails() {
        byte[] body = stapled();
        for (int len = 0; len < body.length; len++) {
            TlsParse<CertificateStatus> p = CertificateStatus.parse(body, 0, len);
            assertFalse(p.isParsed(), "prefix of " + len);
            assertTrue(p.field().startsWith("CertificateStatus"), p::reason);
        }
    }

    private static CertificateStatus parsed(byte[] body) {
        TlsParse<CertificateStatus> p = CertificateStatus.parse(body, 0, body.length);
        assertTrue(p.isParsed(), p::reason);
        return p.value();
    }
}
