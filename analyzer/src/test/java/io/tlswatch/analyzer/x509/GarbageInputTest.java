package io.tlswatch.analyzer.x509;

import static io.tlswatch.analyzer.x509.CertificateParserTest.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.util.Arrays;
import java.util.Random;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

/** Hostile and broken input: the parser answers with a named error (or an info), never an exception. */
class GarbageInputTest {
    private static final byte[] REAL = CorpusTestFiles.MICROSOFT_LEAF.get();

    @Test
    void randomBytesAreParseErrorsWithHashes() {
        Random random = new Random(20240601L);
        for (int i = 0; i < 2000; i++) {
            byte[] garbage = new byte[random.nextInt(4096)];
            random.nextBytes(garbage);
            if (i % 2 == 0 && garbage.length >= 4) { // half of them look like a certificate's outer SEQUENCE
                garbage[0] = 0x30;
                garbage[1] = (byte) 0x82;
                garbage[2] = (byte) ((garbage.length - 4) >> 8);
                garbage[3] = (byte) (garbage.length - 4);
            }
            CertificateInfo info = CertificateParser.parse(garbage);
            assertNotNull(info.parseError(), "random input " + i);
            assertEquals(hex("SHA-256", garbage), info.sha256());
            assertEquals(hex("SHA-1", garbage), info.sha1());
        }
    }

    @Test
    void everyTruncationOfARealCertificateIsAParseError() {
        for (int length = 0; length < REAL.length; length++) {
            byte[] cut = Arrays.copyOf(REAL, length);
            CertificateInfo info = CertificateParser.parse(cut);
            assertNotNull(info.parseError(), "cut at " + length);
            assertEquals(hex("SHA-256", cut), info.sha256());
        }
    }

    @Test
    void everyOneByteChangeOfARealCertificateIsAnsweredWithoutThrowing() {
        int parsed = 0;
        for (int position = 0; position < REAL.length; position++) {
            int at = position;
            for (int flip : new int[] {0x01, 0x80}) {
                byte[] broken = REAL.clone();
                broken[at] ^= (byte) flip;
                CertificateInfo info = CertificateParser.parse(broken);
                assertNotEquals(CertificateParseError.DECODER_FAILURE, info.parseError(),
                        () -> "every failure has a known name: byte " + at + ": " + info.parseErrorDetail());
                if (info.isParsed()) {
                    parsed++;
                    assertNotNull(info.subject());
                    assertNotNull(info.publicKey());
                }
            }
        }
        assertTrue(parsed > REAL.length / 2, "most one-bit changes inside values still parse: " + parsed);
    }

    @Test
    void everyOneByteChangeOfSelfIssuedCertificatesIsAnsweredWithoutThrowing() {
        for (CorpusTestFiles file : new CorpusTestFiles[] {CorpusTestFiles.CURVEBALL_CA, CorpusTestFiles.TESTCORP_ROOT}) {
            byte[] selfIssued = file.get();
            for (int at = 0; at < selfIssued.length; at++) {
                byte[] broken = selfIssued.clone();
                broken[at] ^= 0x01;
                CertificateInfo info = CertificateParser.parse(broken);
                assertNotEquals(CertificateParseError.DECODER_FAILURE, info.parseError(), file + " byte " + at);
            }
        }
    }

    @Test
    void nestingDeeperThanTheLimitIsTooDeep() {
        byte[] nested = CertificateEdgeCaseTest.nestedSequences(40_000);

        assertEquals(CertificateParseError.TOO_DEEP, CertificateParser.parse(nested).parseError());
    }

    @Test
    void oversizedInputIsHashedButNotDecoded() {
        byte[] huge = new byte[CertificateLimits.MAX_DER_BYTES + 1];

        CertificateInfo info = CertificateParser.parse(huge);

        assertEquals(CertificateParseError.TOO_LARGE, info.parseError());
        assertEquals(hex("SHA-256", huge), info.sha256());
    }

    @Test
    void emptyInputIsEmpty() {
        assertEquals(CertificateParseError.EMPTY, CertificateParser.parse(new byte[0]).parseError());
    }

    @Test
    void wellFormedDerThatIsNotACertificateIsNamedSo() {
        CertificateInfo info = CertificateParser.parse(Hex.bytes("30 03 02 01 05"));

        assertEquals(CertificateParseError.NOT_A_CERTIFICATE, info.parseError());
        assertNotNull(info.parseErrorDetail());
        assertNull(info.subject());
        assertEquals(0, info.versionNumber());
    }

    @Test
    void nameWhoseRdnHoldsNoAttributeIsNotACertificate() {
        X500Name broken = new X500Name(new RDN[] {RDN.getInstance(new DERSet(new ASN1Integer(5)))});

        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.rsa().subject(broken).der());

        assertEquals(CertificateParseError.NOT_A_CERTIFICATE, info.parseError());
    }

    @Test
    void certificateInsideALargerBufferParsesLikeACopy() {
        byte[] buffer = new byte[REAL.length + 20];
        Arrays.fill(buffer, (byte) 0xEE);
        System.arraycopy(REAL, 0, buffer, 11, REAL.length);

        CertificateInfo slice = CertificateParser.parse(buffer, 11, REAL.length);
        CertificateInfo copy = CertificateParser.parse(REAL);

        assertEquals(copy.sha256(), slice.sha256());
        assertEquals(copy.subject(), slice.subject());
        assertEquals(copy.anomalies(), slice.anomalies());
    }
}
