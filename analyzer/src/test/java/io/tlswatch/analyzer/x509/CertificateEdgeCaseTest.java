package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1GeneralizedTime;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.junit.jupiter.api.Test;

/** RFC 5280 corner cases and hostile values that must parse, with what they must report. */
class CertificateEdgeCaseTest {
    private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

    @Test
    void zeroSerialIsWrittenAs00AndFlagged() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().serial(BigInteger.ZERO));

        assertEquals("00", info.serialNumber());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SERIAL_NOT_POSITIVE));
    }

    @Test
    void negativeSerialKeepsItsSignAndIsFlagged() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().serial(BigInteger.valueOf(-0x1234)));

        assertEquals("-1234", info.serialNumber());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SERIAL_NOT_POSITIVE));
    }

    @Test
    void serialWithHighBitSetDropsTheDerSignOctet() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().serial(new BigInteger("FA17A614059B1EF3", 16)));

        assertEquals("FA17A614059B1EF3", info.serialNumber());
        assertEquals(java.util.Set.of(), info.anomalies());
    }

    @Test
    void serialOver20OctetsIsKeptAndFlagged() {
        BigInteger twentyOneOctets = BigInteger.ONE.shiftLeft(20 * 8);

        CertificateInfo info = parse(TestCertificateBuilder.rsa().serial(twentyOneOctets));

        assertEquals("01" + "00".repeat(20), info.serialNumber());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SERIAL_TOO_LONG));
        assertFalse(info.anomalies().contains(CertificateAnomaly.TEXT_TRUNCATED));
    }

    @Test
    void hugeSerialIsCutToTheIdentifierLimit() {
        BigInteger huge = BigInteger.ONE.shiftLeft(2000).subtract(BigInteger.ONE);

        CertificateInfo info = parse(TestCertificateBuilder.rsa().serial(huge));

        assertEquals("FF".repeat(CertificateLimits.MAX_IDENTIFIER_BYTES), info.serialNumber());
        assertTrue(info.anomalies().containsAll(List.of(CertificateAnomaly.SERIAL_TOO_LONG, CertificateAnomaly.TEXT_TRUNCATED)));
    }

    @Test
    void utcTimeYearsFollowTheRfc5280Window() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().validity(
                new Time(new ASN1UTCTime("500101000000Z")), new Time(new ASN1UTCTime("491231235959Z"))));

        assertEquals(Instant.parse("1950-01-01T00:00:00Z"), info.notBefore());
        assertEquals(Instant.parse("2049-12-31T23:59:59Z"), info.notAfter());
    }

    @Test
    void generalizedTimeFrom2050AndTheNoExpiryDateAreRead() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().validity(
                new Time(new ASN1GeneralizedTime("20500228053951Z")), new Time(new ASN1GeneralizedTime("99991231235959Z"))));

        assertEquals(Instant.parse("2050-02-28T05:39:51Z"), info.notBefore());
        assertEquals(Instant.parse("9999-12-31T23:59:59Z"), info.notAfter());
    }

    @Test
    void undecodableTimeIsNullAndFlaggedWhileTheRestParses() {
        byte[] der = TestCertificateBuilder.rsa().validity(
                new Time(new ASN1UTCTime("240101000000Z")), new Time(new ASN1UTCTime("250101000000Z"))).der();
        byte[] broken = replaceAscii(der, "240101000000Z", "24019Z000000Z");

        CertificateInfo info = CertificateParser.parse(broken);

        assertTrue(info.isParsed(), () -> info.parseError() + " " + info.parseErrorDetail());
        assertNull(info.notBefore());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), info.notAfter());
        assertTrue(info.anomalies().contains(CertificateAnomaly.BAD_VALIDITY_TIME));
    }

    @Test
    void unknownCriticalExtensionIsListedAndTheRestStillParses() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa()
                .rawExtension(new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1"), true, Hex.bytes("0500"))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)));

        assertEquals(List.of("1.3.6.1.4.1.99999.1"), info.unknownCriticalExtensions());
        assertEquals(List.of("keyCertSign"), info.keyUsage());
        assertEquals(List.of(), info.malformedExtensions());
    }

    @Test
    void malformedExtensionIsListedAndTheOthersAreStillRead() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa()
                .rawExtension(Extension.subjectAlternativeName, false, Hex.bytes("30 05 82 09 61")) // length past end
                .rawExtension(Extension.basicConstraints, false, Hex.bytes("02 01 05"))            // INTEGER, not SEQUENCE
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)));

        assertEquals(List.of("2.5.29.17", "2.5.29.19"), info.malformedExtensions());
        assertTrue(info.anomalies().contains(CertificateAnomaly.MALFORMED_EXTENSION));
        assertEquals(List.of("digitalSignature"), info.keyUsage());
        assertEquals(List.of("test.example"), info.subject().commonNames());
        assertEquals(List.of(), info.alternativeNames());
    }

    @Test
    void deeplyNestedExtensionValueIsMalformedWithoutOverflowingTheStack() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa()
                .rawExtension(Extension.subjectAlternativeName, false, nestedSequences(20_000)));

        assertEquals(List.of("2.5.29.17"), info.malformedExtensions());
    }

    @Test
    void sctListWhoseLengthsDoNotAddUpIsFlagged() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa()
                .extension(SCT_LIST, false, new DEROctetString(Hex.bytes("0006 0003 000102 0001"))));

        assertEquals(0, info.sctCount());
        assertTrue(info.anomalies().contains(CertificateAnomaly.MALFORMED_SCT_LIST));
        assertEquals(List.of(SCT_LIST.getId()), info.malformedExtensions());
    }

    @Test
    void manyAlternativeNamesAreCappedButCounted() {
        GeneralName[] names = new GeneralName[300];
        for (int i = 0; i < names.length; i++) {
            names[i] = new GeneralName(GeneralName.dNSName, "host" + i + ".example.test");
        }

        CertificateInfo info = parse(TestCertificateBuilder.rsa()
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(names)));

        assertEquals(CertificateLimits.MAX_ALTERNATIVE_NAMES, info.alternativeNames().size());
        assertEquals(300, info.alternativeNameCount());
        assertEquals("host0.example.test", info.alternativeNames().get(0));
        assertTrue(info.anomalies().contains(CertificateAnomaly.LIST_TRUNCATED));
    }

    @Test
    void ipAlternativeNameOfAnOddLengthIsKeptAsHex() {
        CertificateInfo info = parse(TestCertificateBuilder.rsa().extension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.iPAddress, new DEROctetString(Hex.bytes("c0000200 ffffff00"))))));

        assertEquals(List.of("ip:#c0000200ffffff00"), info.alternativeNames());
    }

    @Test
    void outerSignatureAlgorithmDifferentFromTheSignedOneIsFlagged() {
        Certificate original = Certificate.getInstance(TestCertificateBuilder.rsa().der());
        ASN1EncodableVector swapped = new ASN1EncodableVector();
        swapped.add(original.getTBSCertificate());
        swapped.add(new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.5")));
        swapped.add(original.getSignature());

        CertificateInfo info = CertificateParser.parse(encode(new DERSequence(swapped)));

        assertEquals("SHA1-RSA", info.signatureAlgorithm().name());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SIGNATURE_ALGORITHM_MISMATCH));
    }

    @Test
    void nonMinimalLengthEncodingIsFlaggedAsNotStrictDer() {
        byte[] der = TestCertificateBuilder.rsa().der();
        assertArrayEquals(Hex.bytes("30 82"), new byte[] {der[0], der[1]}, "outer length in two octets");
        byte[] padded = new byte[der.length + 1];
        padded[0] = 0x30;
        padded[1] = (byte) 0x83; // three length octets, the first one zero: valid BER, not DER
        System.arraycopy(der, 2, padded, 3, der.length - 2);

        CertificateInfo info = CertificateParser.parse(padded);

        assertTrue(info.isParsed(), () -> info.parseError() + " " + info.parseErrorDetail());
        assertTrue(info.anomalies().contains(CertificateAnomaly.NOT_STRICT_DER));
    }

    @Test
    void selfIssuedWithAKeyOfUnknownAlgorithmIsNotChecked() {
        SubjectPublicKeyInfo unknownKey = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.3.4.5")), Hex.bytes("0102030405"));

        CertificateInfo info = parse(TestCertificateBuilder.rsa().publicKeyInfo(unknownKey));

        assertEquals("1.2.3.4.5", info.publicKey().algorithm());
        assertTrue(info.selfIssued());
        assertFalse(info.selfSigned());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SELF_SIGNATURE_NOT_CHECKED));
    }

    @Test
    void selfIssuedWithAnUnusableKeyIsNotSelfSignedAndTheKeyIsFlagged() {
        SubjectPublicKeyInfo shortEd25519 = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.3.101.112")), new byte[31]);

        CertificateInfo info = parse(TestCertificateBuilder.ed25519().publicKeyInfo(shortEd25519));

        assertEquals("Ed25519", info.publicKey().algorithm());
        assertFalse(info.selfSigned());
        assertTrue(info.anomalies().contains(CertificateAnomaly.MALFORMED_PUBLIC_KEY));
    }

    @Test
    void rsaKeyWhoseBitsAreNotAnRsaPublicKeyIsFlagged() {
        SubjectPublicKeyInfo notRsa = new SubjectPublicKeyInfo(
                new AlgorithmIdentifier(new ASN1ObjectIdentifier("1.2.840.113549.1.1.1"), DERNull.INSTANCE),
                Hex.bytes("30 03 02 01 05"));

        CertificateInfo info = parse(TestCertificateBuilder.rsa().publicKeyInfo(notRsa)
                .signedBy(TestCertificateBuilder.Keys.RSA_OTHER, "SHA256withRSA"));

        assertEquals("RSA", info.publicKey().algorithm());
        assertEquals(0, info.publicKey().sizeBits());
        assertTrue(info.anomalies().contains(CertificateAnomaly.MALFORMED_PUBLIC_KEY));
    }

    private static CertificateInfo parse(TestCertificateBuilder builder) {
        CertificateInfo info = CertificateParser.parse(builder.der());
        assertTrue(info.isParsed(), () -> info.parseError() + " " + info.parseErrorDetail());
        return info;
    }

    /** {@code depth} SEQUENCEs each holding the next, with 4-octet lengths, around a NULL. */
    static byte[] nestedSequences(int depth) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int inner = 2;
        int[] lengths = new int[depth];
        for (int i = depth - 1; i >= 0; i--) {
            lengths[i] = inner;
            inner += 6;
        }
        for (int i = 0; i < depth; i++) {
            out.write(0x30);
            out.write(0x84);
            out.write(lengths[i] >>> 24);
            out.write(lengths[i] >>> 16);
            out.write(lengths[i] >>> 8);
            out.write(lengths[i]);
        }
        out.write(0x05);
        out.write(0x00);
        return out.toByteArray();
    }

    private static byte[] replaceAscii(byte[] der, String from, String to) {
        byte[] needle = from.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + needle.length <= der.length; i++) {
            if (java.util.Arrays.equals(der, i, i + needle.length, needle, 0, needle.length)) {
                byte[] copy = der.clone();
                System.arraycopy(to.getBytes(StandardCharsets.US_ASCII), 0, copy, i, needle.length);
                return copy;
            }
        }
        throw new IllegalArgumentException(from + " not found");
    }

    private static byte[] encode(DERSequence sequence) {
        try {
            return sequence.getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
