package io.tlswatch.analyzer.x509;

import static io.tlswatch.analyzer.x509.TestCertificateBuilder.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.x509.TestCertificateBuilder.Keys;
import io.tlswatch.testkit.Hex;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.OtherName;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.junit.jupiter.api.Test;

/** Certificates built with Bouncy Castle, every field we report asserted against what was put in. */
class CertificateParserTest {
    private static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");

    /** A SignedCertificateTimestampList with two (short, fake) SCTs: RFC 6962 section 3.3 framing. */
    private static final byte[] TWO_SCTS = Hex.bytes("""
            000a        // list length 10
            0003 000102 // SCT 1: 3 bytes
            0003 030405 // SCT 2: 3 bytes
            """);

    /**
     * An RSA 2048 leaf signed by another key with SHA256-RSA, holding every extension we read (the
     * expected values are the ones the test below asserts).
     */
    static TestCertificateBuilder withEveryExtension() {
        return TestCertificateBuilder.rsa()
                .subject(name("Example Org", "www.example.test"))
                .issuer(name("Example CA", "Example Issuing CA"))
                .signedBy(Keys.RSA_OTHER, "SHA256withRSA")
                .extension(Extension.basicConstraints, true, new BasicConstraints(0))
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                        KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth,
                        KeyPurposeId.getInstance(new ASN1ObjectIdentifier("1.2.3.4.5"))}))
                .extension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                        new GeneralName(GeneralName.dNSName, "www.example.test"),
                        new GeneralName(GeneralName.dNSName, "*.example.test"),
                        new GeneralName(GeneralName.iPAddress, "192.0.2.7"),
                        new GeneralName(GeneralName.iPAddress, "2001:db8:0:0:0:0:0:1"),
                        new GeneralName(GeneralName.rfc822Name, "admin@example.test"),
                        new GeneralName(GeneralName.uniformResourceIdentifier, "https://example.test/"),
                        new GeneralName(name("Example Org", "Directory Name")),
                        new GeneralName(GeneralName.otherName, new OtherName(
                                new ASN1ObjectIdentifier("1.3.6.1.4.1.311.20.2.3"), new DERUTF8String("user@example.test"))),
                        new GeneralName(GeneralName.registeredID, "1.2.3.4")}))
                .extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
                        new AccessDescription(AccessDescription.id_ad_ocsp,
                                new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp.example.test")),
                        new AccessDescription(AccessDescription.id_ad_caIssuers,
                                new GeneralName(GeneralName.uniformResourceIdentifier, "http://ca.example.test/ca.crt"))}))
                .extension(Extension.subjectKeyIdentifier, false, new SubjectKeyIdentifier(Hex.bytes("0102030405")))
                .extension(Extension.authorityKeyIdentifier, false, new AuthorityKeyIdentifier(Hex.bytes("a1b2c3")))
                .extension(SCT_LIST, false, new DEROctetString(TWO_SCTS));
    }

    @Test
    void rsaCertificateWithEveryExtensionReportsEveryField() {
        byte[] der = withEveryExtension().der();

        CertificateInfo info = CertificateParser.parse(der);

        assertTrue(info.isParsed(), () -> "parse error " + info.parseError() + " " + info.parseErrorDetail());
        assertEquals(hex("SHA-1", der), info.sha1());
        assertEquals(hex("SHA-256", der), info.sha256());
        assertEquals(3, info.versionNumber());
        assertEquals("0A1B2C", info.serialNumber());
        assertEquals("CN=www.example.test,O=Example Org,C=KZ", info.subject().distinguishedName());
        assertEquals(List.of("www.example.test"), info.subject().commonNames());
        assertEquals(List.of("Example Org"), info.subject().organizations());
        assertEquals(List.of("KZ"), info.subject().countries());
        assertEquals("CN=Example Issuing CA,O=Example CA,C=KZ", info.issuer().distinguishedName());
        assertEquals(List.of("Example Issuing CA"), info.issuer().commonNames());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), info.notBefore());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), info.notAfter());
        assertEquals(List.of("www.example.test", "*.example.test", "192.0.2.7", "2001:db8::1",
                "email:admin@example.test", "uri:https://example.test/", "dirname:CN=Directory Name,O=Example Org,C=KZ",
                "othername:1.3.6.1.4.1.311.20.2.3:user@example.test", "rid:1.2.3.4"), info.alternativeNames());
        assertEquals(9, info.alternativeNameCount());
        assertEquals("RSA", info.publicKey().algorithm());
        assertEquals(2048, info.publicKey().sizeBits());
        assertEquals(65537L, info.publicKey().exponent());
        assertNull(info.publicKey().curve());
        assertEquals(hex("SHA-256", Keys.RSA.getPublic().getEncoded()), info.publicKey().spkiSha256());
        assertEquals("SHA256-RSA", info.signatureAlgorithm().name());
        assertEquals("sha256", info.signatureAlgorithm().hash());
        assertFalse(info.signatureAlgorithm().weakHash());
        assertEquals(new CaConstraints(true, 0), info.caConstraints());
        assertEquals(List.of("digitalSignature", "keyEncipherment"), info.keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth", "1.2.3.4.5"), info.extendedKeyUsage());
        assertEquals(2, info.sctCount());
        assertEquals(List.of("http://ocsp.example.test"), info.ocspUris());
        assertEquals(List.of("http://ca.example.test/ca.crt"), info.caIssuerUris());
        assertEquals("0102030405", info.subjectKeyId());
        assertEquals("a1b2c3", info.authorityKeyId());
        assertFalse(info.selfIssued());
        assertFalse(info.selfSigned());
        assertEquals(List.of(), info.unknownCriticalExtensions());
        assertEquals(List.of(), info.malformedExtensions());
        assertEquals(Set.of(), info.anomalies());
    }

    @Test
    void ecP256CertificateNamesTheCurveAndTheEcdsaSignature() {
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.ecP256().der());

        assertEquals("EC", info.publicKey().algorithm());
        assertEquals(256, info.publicKey().sizeBits());
        assertEquals("secp256r1", info.publicKey().curve());
        assertFalse(info.publicKey().explicitCurveParameters());
        assertNull(info.publicKey().exponent());
        assertEquals("ECDSA-SHA256", info.signatureAlgorithm().name());
        assertEquals(hex("SHA-256", Keys.EC_P256.getPublic().getEncoded()), info.publicKey().spkiSha256());
        assertTrue(info.selfIssued());
        assertTrue(info.selfSigned());
    }

    @Test
    void ed25519CertificateIsSelfSignedWithEd25519() {
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.ed25519().der());

        assertEquals("Ed25519", info.publicKey().algorithm());
        assertEquals(256, info.publicKey().sizeBits());
        assertEquals("Ed25519", info.signatureAlgorithm().name());
        assertNull(info.signatureAlgorithm().hash());
        assertTrue(info.selfSigned());
        assertEquals(Set.of(), info.anomalies());
    }

    @Test
    void version1CertificateHasNoExtensionFields() {
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.rsa().version1().der());

        assertTrue(info.isParsed());
        assertEquals(1, info.versionNumber());
        assertEquals(List.of("test.example"), info.subject().commonNames());
        assertNull(info.caConstraints());
        assertEquals(List.of(), info.alternativeNames());
        assertEquals(0, info.sctCount());
        assertNull(info.subjectKeyId());
        assertTrue(info.selfSigned());
    }

    @Test
    void sha1SignatureIsNamedAndFlaggedWeak() {
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.rsa().signatureAlgorithm("SHA1withRSA").der());

        assertEquals("SHA1-RSA", info.signatureAlgorithm().name());
        assertEquals("sha1", info.signatureAlgorithm().hash());
        assertTrue(info.signatureAlgorithm().weakHash());
    }

    @Test
    void rsaPssSignatureNamesItsHashFromTheParameters() {
        CertificateInfo info = CertificateParser.parse(
                TestCertificateBuilder.rsa().signatureAlgorithm("SHA384withRSAandMGF1").der());

        assertEquals("SHA384-RSAPSS", info.signatureAlgorithm().name());
        assertEquals("sha384", info.signatureAlgorithm().hash());
        assertTrue(info.selfSigned(), "PSS self-signature verifies");
    }

    @Test
    void selfIssuedButSignedByAnotherKeyIsNotSelfSigned() {
        CertificateInfo info = CertificateParser.parse(
                TestCertificateBuilder.rsa().signedBy(Keys.RSA_OTHER, "SHA256withRSA").der());

        assertTrue(info.selfIssued());
        assertFalse(info.selfSigned());
        assertFalse(info.anomalies().contains(CertificateAnomaly.SELF_SIGNATURE_NOT_CHECKED));
    }

    /** An independent digest (the JDK's) of {@code bytes}, lowercase hex. */
    static String hex(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
