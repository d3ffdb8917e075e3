package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.x509.CertificateAnomaly;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.security.Signature;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

/** Where the signed bytes are (RFC 5280 section 4.1, X.690 section 8.1), and why they are cut, not re-encoded. */
class CertificateLayoutTest {

    @Test
    void tbsCertificateOfARealCertificateFollowsTheOuterHeader() throws Exception {
        byte[] der = TrustResources.chain("zeek-geneve-47101").get(0);
        byte[] tbs = Certificate.getInstance(der).getTBSCertificate().getEncoded(ASN1Encoding.DER);

        assertEquals(4, CertificateLayout.tbsOffset(der), "30 82 LL LL: a long form with two length bytes");
        assertEquals(tbs.length, CertificateLayout.tbsLength(der));
        assertTrue(Arrays.equals(tbs, Arrays.copyOfRange(der, 4, 4 + tbs.length)));
    }

    @Test
    void shortAndLongFormLengthsAreRead() {
        assertEquals(2, CertificateLayout.tbsOffset(Hex.bytes("30 05 | 30 03 02 01 05")));
        assertEquals(5, CertificateLayout.tbsLength(Hex.bytes("30 05 | 30 03 02 01 05")));
        assertEquals(3, CertificateLayout.tbsOffset(Hex.bytes("30 81 05 | 30 81 02 02 00")));
        assertEquals(5, CertificateLayout.tbsLength(Hex.bytes("30 81 05 | 30 81 02 02 00")));
    }

    @Test
    void brokenFramingIsNotFound() {
        for (String broken : new String[] {
                "",                             // nothing
                "30",                           // no length
                "31 03 30 01 00",               // a SET, not a SEQUENCE
                "30 80 30 00 00 00",            // indefinite length (BER)
                "30 85 00 00 00 00 02 30 00",   // five length bytes
                "30 84 7f ff ff ff 30 00",      // outer length beyond the input
                "30 04 30 05 02 01",            // tbs length beyond the input
                "30 02 02 00",                  // tbs is no SEQUENCE
                "30 03 30 82 00"}) {            // tbs length bytes cut
            assertEquals(CertificateLayout.NOT_FOUND, CertificateLayout.tbsLength(Hex.bytes(broken)), broken);
        }
    }

    @Test
    void signatureCoversTheBytesAsSentNotARencoding() throws Exception {
        Issued ca = ChainValidatorTest.EC_CA;
        byte[] der = TestPki.leaf(ca, "ber.example.com").der();
        Certificate parsed = Certificate.getInstance(der);
        byte[] tbs = parsed.getTBSCertificate().getEncoded(ASN1Encoding.DER);
        int trueAt = indexOf(tbs, Hex.bytes("01 01 ff")); // basicConstraints' critical TRUE
        tbs[trueAt + 2] = 0x01; // still TRUE in BER, but not DER (X.690 section 11.1)
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(ca.keys().getPrivate());
        signer.update(tbs);
        byte[] notDer = sequence(tbs, parsed.getSignatureAlgorithm().getEncoded(ASN1Encoding.DER),
                new DERBitString(signer.sign()).getEncoded(ASN1Encoding.DER));

        ChainVerdict verdict = new ChainValidator(ChainValidatorTest.STORE)
                .validate(List.of(notDer, ca.der()), "ber.example.com", CAPTURE);

        assertTrue(CertificateParser.parse(notDer).anomalies().contains(CertificateAnomaly.NOT_STRICT_DER));
        assertEquals(Set.of(), verdict.failures(), "a re-encoded TBS would not verify: " + verdict);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("not found");
    }

    /** SEQUENCE { parts } with a two-byte long-form length. */
    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            body.writeBytes(part);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x30, (byte) 0x82, (byte) (body.size() >> 8), (byte) body.size()});
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }
}
