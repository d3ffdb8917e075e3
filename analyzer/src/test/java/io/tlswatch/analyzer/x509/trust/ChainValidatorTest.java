package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static io.tlswatch.analyzer.testpki.TestPki.chain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.testpki.TestPki.Keys;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.Test;

/** Chains built with Bouncy Castle, one rule of RFC 5280 section 6.1 (or browser practice) per test. */
class ChainValidatorTest {
    static final Issued RSA_ROOT = TestPki.root("CN=Test Root R1,O=tlswatch tests,C=KZ", Keys.RSA_ROOT);
    static final Issued RSA_CA = TestPki.intermediate("CN=Test Issuing CA R1,O=tlswatch tests,C=KZ", Keys.RSA_CA, RSA_ROOT);
    static final Issued RSA_LEAF = TestPki.leaf(RSA_CA, "www.example.com", "example.com");
    static final Issued EC_ROOT = TestPki.root("CN=Test Root E1,O=tlswatch tests,C=KZ", Keys.EC_ROOT);
    static final Issued EC_CA = TestPki.intermediate("CN=Test Issuing CA E1,O=tlswatch tests,C=KZ", Keys.EC_CA, EC_ROOT);
    static final Issued EC_LEAF = TestPki.leaf(EC_CA, "shop.example.org");
    static final TrustStore STORE = TestPki.storeOf(RSA_ROOT, EC_ROOT);

    private final ChainValidator validator = new ChainValidator(STORE);

    private ChainVerdict validate(List<byte[]> chain, String serverName) {
        return validator.validate(chain, serverName, CAPTURE);
    }

    private static String sha256(Issued certificate) {
        return CertificateParser.parse(certificate.der()).sha256();
    }

    @Test
    void rsaChainLeadsFromLeafThroughIntermediateToTheStoreRoot() {
        ChainVerdict verdict = validate(chain(RSA_LEAF, RSA_CA), "www.example.com");

        assertTrue(verdict.trusted(), verdict.toString());
        assertTrue(verdict.anchoredInStore());
        assertEquals(List.of(sha256(RSA_LEAF), sha256(RSA_CA), sha256(RSA_ROOT)), verdict.path());
        PathAnchor anchor = verdict.anchor();
        assertEquals("CN=Test Root R1,O=tlswatch tests,C=KZ", anchor.subject());
        assertEquals(sha256(RSA_ROOT), anchor.certificateSha256());
        assertEquals(CertificateParser.parse(RSA_ROOT.der()).publicKey().spkiSha256(), anchor.spkiSha256());
        assertTrue(anchor.inTrustStore());
        assertFalse(anchor.sentByServer());
        assertEquals("www.example.com", verdict.matchedName());
        assertEquals(Set.of(), verdict.notes());
        assertEquals(2, verdict.certificatesSent());
    }

    @Test
    void ecChainIsTrustedAndItsWindowIsTheIntersectionOfItsCertificates() {
        ChainVerdict verdict = validate(chain(EC_LEAF, EC_CA), "shop.example.org");

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(3, verdict.path().size());
        assertEquals(Instant.parse("2024-01-01T00:00:00Z"), verdict.pathValidFrom());
        assertEquals(Instant.parse("2025-01-01T00:00:00Z"), verdict.pathValidUntil());
        assertEquals(CAPTURE, verdict.judgedAt());
    }

    @Test
    void rootSentAlongEndsAtTheStoreCopyAndIsNoted() {
        ChainVerdict verdict = validate(chain(RSA_LEAF, RSA_CA, RSA_ROOT), "example.com");

        assertTrue(verdict.trusted(), verdict.toString());
        assertTrue(verdict.anchor().sentByServer());
        assertEquals(Set.of(ChainNote.ROOT_SENT), verdict.notes());
    }

    @Test
    void expiredAtCaptureTimeButValidNowIsExpired() {
        Issued leaf = TestPki.certificate("CN=old.example.com").issuedBy(RSA_CA).serverLeaf().dns("old.example.com")
                .validity("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z").build();
        Issued renewed = TestPki.certificate("CN=old.example.com").issuedBy(RSA_CA).serverLeaf().dns("old.example.com")
                .validity("2024-01-01T00:00:00Z", "2029-01-01T00:00:00Z").build();

        ChainVerdict atCapture = validator.validate(chain(leaf, RSA_CA), "old.example.com", Instant.parse("2022-03-01T00:00:00Z"));
        ChainVerdict renewedAtCapture = validator.validate(chain(renewed, RSA_CA), "old.example.com", Instant.parse("2022-03-01T00:00:00Z"));
        ChainVerdict renewedLater = validator.validate(chain(renewed, RSA_CA), "old.example.com", Instant.parse("2026-03-01T00:00:00Z"));

        assertEquals(Set.of(ChainFailure.EXPIRED), atCapture.failures());
        assertTrue(atCapture.anchoredInStore(), "time does not change where the chain leads");
        assertEquals(Set.of(ChainFailure.NOT_YET_VALID), renewedAtCapture.failures());
        assertTrue(renewedLater.trusted(), renewedLater.toString());
    }

    @Test
    void validAtCaptureTimeButExpiredNowIsTrusted() {
        Issued leaf = TestPki.certificate("CN=2019.example.com").issuedBy(RSA_CA).serverLeaf().dns("2019.example.com")
                .validity("2019-01-01T00:00:00Z", "2020-06-01T00:00:00Z").build();
        Issued ca = TestPki.certificate("CN=Short CA,C=KZ").keys(Keys.EC_CA).issuedBy(RSA_ROOT).ca(null)
                .validity("2019-01-01T00:00:00Z", "2021-01-01T00:00:00Z").build();
        Issued leafUnderShortCa = TestPki.leaf(ca, "2020.example.com");

        assertTrue(validator.validate(chain(leaf, RSA_CA), "2019.example.com", Instant.parse("2020-02-01T00:00:00Z")).trusted());
        assertEquals(Set.of(ChainFailure.EXPIRED),
                validator.validate(chain(leaf, RSA_CA), "2019.example.com", Instant.now()).failures());
        ChainVerdict caExpiredBeforeLeaf = validator.validate(chain(leafUnderShortCa, ca), "2020.example.com",
                Instant.parse("2024-06-01T00:00:00Z"));
        assertEquals(Set.of(ChainFailure.EXPIRED), caExpiredBeforeLeaf.failures(), "an expired intermediate expires the path");
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), caExpiredBeforeLeaf.pathValidUntil());
    }

    @Test
    void validityBoundsAreInclusive() {
        Issued leaf = TestPki.certificate("CN=edge.example.com").issuedBy(RSA_CA).serverLeaf().dns("edge.example.com")
                .validity("2024-01-01T00:00:00Z", "2024-12-31T23:59:59Z").build();

        assertTrue(validator.validate(chain(leaf, RSA_CA), "edge.example.com", Instant.parse("2024-01-01T00:00:00Z")).trusted());
        assertTrue(validator.validate(chain(leaf, RSA_CA), "edge.example.com", Instant.parse("2024-12-31T23:59:59Z")).trusted());
        assertEquals(Set.of(ChainFailure.EXPIRED), validator.validate(chain(leaf, RSA_CA), "edge.example.com",
                Instant.parse("2025-01-01T00:00:00Z")).failures());
    }

    @Test
    void leafSignedByAnotherKeyUnderACopiedCaNameHasABadSignature() {
        Issued forged = TestPki.certificate("CN=www.example.com").serverLeaf().dns("www.example.com")
                .claimsIssuer(RSA_CA.subject(), Keys.RSA_FORGER).build();

        ChainVerdict sentWithTheRealIntermediate = validate(chain(forged, RSA_CA), "www.example.com");
        ChainVerdict sentAlone = validate(chain(forged), "www.example.com");

        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), sentWithTheRealIntermediate.failures());
        assertFalse(sentWithTheRealIntermediate.anchoredInStore());
        assertTrue(sentWithTheRealIntermediate.anchor().inTrustStore(), "the path still names the store root");
        assertEquals(List.of(sha256(forged), sha256(RSA_CA), sha256(RSA_ROOT)), sentWithTheRealIntermediate.path());
        assertEquals(Set.of(ChainFailure.UNKNOWN_ISSUER), sentAlone.failures(), "the real intermediate is not in a root store");
    }

    /**
     * A forger that copies an RSA CA's name but signs with an EC key: the signature cannot verify
     * with the CA's key, which is a bad signature, not one we could not check.
     */
    @Test
    void leafSignedWithAnotherKindOfKeyUnderACopiedCaNameHasABadSignature() {
        Issued ecdsaUnderRsaName = TestPki.certificate("CN=www.example.com").serverLeaf().dns("www.example.com")
                .claimsIssuer(RSA_CA.subject(), Keys.EC_OTHER).build();
        Issued rsaUnderEcName = TestPki.certificate("CN=shop.example.org").serverLeaf().dns("shop.example.org")
                .claimsIssuer(EC_CA.subject(), Keys.RSA_FORGER).build();

        ChainVerdict ecdsa = validate(chain(ecdsaUnderRsaName, RSA_CA), "www.example.com");
        ChainVerdict rsa = validate(chain(rsaUnderEcName, EC_CA), "shop.example.org");

        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), ecdsa.failures());
        assertTrue(ecdsa.anchor().inTrustStore(), "the path still names the store root");
        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), rsa.failures());
    }

    @Test
    void intermediateCopyingTheRootNameButNotItsKeyHasABadSignature() {
        Issued forgedCa = TestPki.certificate("CN=Test Issuing CA R1,O=tlswatch tests,C=KZ").keys(Keys.EC_OTHER)
                .claimsIssuer(RSA_ROOT.subject(), Keys.RSA_FORGER).ca(null).build();
        Issued leaf = TestPki.leaf(forgedCa, "www.example.com");

        ChainVerdict verdict = validate(chain(leaf, forgedCa), "www.example.com");

        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), verdict.failures());
        assertEquals("CN=Test Root R1,O=tlswatch tests,C=KZ", verdict.anchor().subject());
    }

    @Test
    void leafWithoutItsIntermediateHasAnUnknownIssuerNamedInTheVerdict() {
        ChainVerdict verdict = validate(chain(RSA_LEAF), "www.example.com");

        assertEquals(Set.of(ChainFailure.UNKNOWN_ISSUER), verdict.failures());
        assertEquals("CN=Test Issuing CA R1,O=tlswatch tests,C=KZ", verdict.missingIssuer());
        assertNull(verdict.anchor());
        assertEquals(List.of(sha256(RSA_LEAF)), verdict.path());
    }

    @Test
    void pathThroughSentIntermediatesThatStopsBelowTheRootIsIncomplete() {
        Issued upper = TestPki.intermediate("CN=Upper CA,C=KZ", Keys.EC_OTHER, RSA_ROOT);
        Issued lower = TestPki.intermediate("CN=Lower CA,C=KZ", Keys.EC_CA, upper);
        Issued leaf = TestPki.leaf(lower, "deep.example.com");

        ChainVerdict verdict = validate(chain(leaf, lower), "deep.example.com");

        assertEquals(Set.of(ChainFailure.INCOMPLETE_CHAIN), verdict.failures());
        assertEquals("CN=Upper CA,C=KZ", verdict.missingIssuer());
        assertEquals(2, verdict.path().size());
        assertTrue(validate(chain(leaf, lower, upper), "deep.example.com").trusted());
    }

    @Test
    void intermediatesOutOfOrderAndExtrasStillBuildThePath() {
        Issued upper = TestPki.intermediate("CN=Upper CA,C=KZ", Keys.EC_OTHER, RSA_ROOT);
        Issued lower = TestPki.intermediate("CN=Lower CA,C=KZ", Keys.EC_CA, upper);
        Issued leaf = TestPki.leaf(lower, "deep.example.com");

        ChainVerdict verdict = validate(chain(leaf, EC_CA, RSA_ROOT, upper, EC_LEAF, lower), "deep.example.com");

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(List.of(sha256(leaf), sha256(lower), sha256(upper), sha256(RSA_ROOT)), verdict.path());
        assertEquals(Set.of(ChainNote.OUT_OF_ORDER, ChainNote.UNUSED_CERTIFICATES, ChainNote.ROOT_SENT), verdict.notes());
    }

    @Test
    void pathLengthConstraintCountsTheIntermediatesBelow() {
        Issued zeroRoot = TestPki.certificate("CN=Path Zero Root,C=KZ").keys(Keys.EC_OTHER).ca(0)
                .validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
        Issued underZero = TestPki.intermediate("CN=Under Zero,C=KZ", Keys.EC_CA, zeroRoot);
        Issued leafUnderZero = TestPki.leaf(underZero, "a.example.com");
        Issued oneCa = TestPki.certificate("CN=Path One CA,C=KZ").keys(Keys.EC_CA).issuedBy(RSA_ROOT).ca(1).build();
        Issued mid = TestPki.intermediate("CN=Mid CA,C=KZ", Keys.EC_OTHER, oneCa);
        Issued low = TestPki.intermediate("CN=Low CA,C=KZ", Keys.RSA_FORGER, mid);
        ChainValidator withZeroRoot = new ChainValidator(TestPki.storeOf(zeroRoot, RSA_ROOT));

        assertEquals(Set.of(ChainFailure.PATH_LENGTH_EXCEEDED),
                withZeroRoot.validate(chain(leafUnderZero, underZero), "a.example.com", CAPTURE).failures(),
                "a root with pathLen 0 may only issue leaves");
        assertTrue(withZeroRoot.validate(chain(TestPki.leaf(mid, "b.example.com"), mid, oneCa), "b.example.com", CAPTURE)
                .trusted(), "pathLen 1 allows one intermediate below");
        assertEquals(Set.of(ChainFailure.PATH_LENGTH_EXCEEDED),
                withZeroRoot.validate(chain(TestPki.leaf(low, "c.example.com"), low, mid, oneCa), "c.example.com", CAPTURE)
                        .failures());
    }

    @Test
    void intermediateWithoutTheCaFlagIsNotACa() {
        Issued notCa = TestPki.certificate("CN=Not A CA,C=KZ").keys(Keys.EC_CA).issuedBy(RSA_ROOT).serverLeaf()
                .dns("not-a-ca.example.com").build();
        Issued leafUnderLeaf = TestPki.leaf(notCa, "victim.example.com");
        Issued noConstraints = TestPki.certificate("CN=No Constraints CA,C=KZ").keys(Keys.EC_OTHER).issuedBy(RSA_ROOT).build();
        Issued leafUnderBare = TestPki.leaf(noConstraints, "bare.example.com");

        assertEquals(Set.of(ChainFailure.NOT_A_CA, ChainFailure.BAD_KEY_USAGE),
                validate(chain(leafUnderLeaf, notCa), "victim.example.com").failures(),
                "a leaf issuing a leaf (CVE-2002-0862): no CA flag, no keyCertSign");
        assertEquals(Set.of(ChainFailure.NOT_A_CA), validate(chain(leafUnderBare, noConstraints), "bare.example.com").failures(),
                "a sent intermediate without basicConstraints is no CA");
    }

    @Test
    void keyUsageMustAllowTheUse() {
        Issued caWithoutCertSign = TestPki.certificate("CN=CRL Only CA,C=KZ").keys(Keys.EC_CA).issuedBy(RSA_ROOT).ca(null)
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.cRLSign)).build();
        Issued leafUnderIt = TestPki.leaf(caWithoutCertSign, "ku.example.com");
        Issued leafForCertSigning = TestPki.certificate("CN=ku2.example.com").issuedBy(RSA_CA).serverLeaf().dns("ku2.example.com")
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign)).build();
        Issued leafForKeyAgreement = TestPki.certificate("CN=ku3.example.com").issuedBy(RSA_CA).serverLeaf().dns("ku3.example.com")
                .extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyAgreement)).build();

        assertEquals(Set.of(ChainFailure.BAD_KEY_USAGE), validate(chain(leafUnderIt, caWithoutCertSign), "ku.example.com").failures());
        assertEquals(Set.of(ChainFailure.BAD_KEY_USAGE), validate(chain(leafForCertSigning, RSA_CA), "ku2.example.com").failures());
        assertTrue(validate(chain(leafForKeyAgreement, RSA_CA), "ku3.example.com").trusted(), "static ECDH leaves (RFC 4492)");
    }

    @Test
    void extendedKeyUsageMustAllowServerAuthOnLeafAndIntermediates() {
        Issued clientOnly = TestPki.certificate("CN=client.example.com").issuedBy(RSA_CA).serverLeaf().dns("client.example.com")
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth)).build();
        Issued anyPurpose = TestPki.certificate("CN=any.example.com").issuedBy(RSA_CA).serverLeaf().dns("any.example.com")
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.anyExtendedKeyUsage)).build();
        Issued noEku = TestPki.certificate("CN=noeku.example.com").issuedBy(RSA_CA).serverLeaf().dns("noeku.example.com")
                .without(Extension.extendedKeyUsage).build();
        Issued codeSigningCa = TestPki.certificate("CN=Code Signing CA,C=KZ").keys(Keys.EC_CA).issuedBy(RSA_ROOT).ca(null)
                .extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_codeSigning)).build();

        assertEquals(Set.of(ChainFailure.BAD_EKU), validate(chain(clientOnly, RSA_CA), "client.example.com").failures());
        assertTrue(validate(chain(anyPurpose, RSA_CA), "any.example.com").trusted());
        assertTrue(validate(chain(noEku, RSA_CA), "noeku.example.com").trusted(), "no EKU: no restriction");
        assertEquals(Set.of(ChainFailure.BAD_EKU),
                validate(chain(TestPki.leaf(codeSigningCa, "cs.example.com"), codeSigningCa), "cs.example.com").failures());
    }

    @Test
    void unknownCriticalExtensionOnTheLeafMustBeRejected() {
        Issued leaf = TestPki.certificate("CN=crit.example.com").issuedBy(RSA_CA).serverLeaf().dns("crit.example.com")
                .extension(new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"), true, new DERUTF8String("x")).build();

        assertEquals(Set.of(ChainFailure.UNKNOWN_CRITICAL_EXTENSION), validate(chain(leaf, RSA_CA), "crit.example.com").failures());
    }

    @Test
    void selfSignedLeafIsSelfSigned() {
        Issued selfSigned = TestPki.certificate("CN=self.example.com").keys(Keys.EC_LEAF).serverLeaf().dns("self.example.com").build();

        ChainVerdict verdict = validate(chain(selfSigned), "self.example.com");

        assertEquals(Set.of(ChainFailure.SELF_SIGNED), verdict.failures());
        assertFalse(verdict.anchor().inTrustStore());
        assertTrue(verdict.anchor().sentByServer());
        assertEquals(List.of(sha256(selfSigned)), verdict.path());
    }

    @Test
    void chainEndingAtASentRootTheStoreLacksHasAnUntrustedRoot() {
        Issued otherRoot = TestPki.root("CN=Other Root,C=KZ", Keys.EC_OTHER);
        Issued leaf = TestPki.leaf(otherRoot, "other.example.com");

        ChainVerdict verdict = validate(chain(leaf, otherRoot), "other.example.com");

        assertEquals(Set.of(ChainFailure.UNTRUSTED_ROOT), verdict.failures());
        assertEquals("CN=Other Root,C=KZ", verdict.anchor().subject());
        assertFalse(verdict.anchor().inTrustStore());
        assertTrue(verdict.anchor().sentByServer());
        assertNull(verdict.missingIssuer());
    }

    @Test
    void leafThatIsItselfAStoreRootIsTrusted() {
        Issued pinned = TestPki.certificate("CN=pinned.example.com").keys(Keys.EC_LEAF).serverLeaf().dns("pinned.example.com").build();
        ChainValidator withPinned = new ChainValidator(STORE.withAdditionalRoots("pinned", pinned.pem().getBytes()));

        ChainVerdict verdict = withPinned.validate(chain(pinned), "pinned.example.com", CAPTURE);

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(Set.of(ChainNote.LEAF_IS_TRUST_ANCHOR), verdict.notes());
        assertEquals(List.of(sha256(pinned)), verdict.path());
    }

    @Test
    void crossSignedCopyOfAStoreRootEndsAtTheStoreRoot() {
        Issued oldRoot = TestPki.root("CN=Old Root,C=KZ", Keys.EC_OTHER);
        Issued crossSigned = TestPki.certificate("CN=Test Root E1,O=tlswatch tests,C=KZ").keys(Keys.EC_ROOT).issuedBy(oldRoot)
                .ca(null).build();

        ChainVerdict verdict = validate(chain(EC_LEAF, EC_CA, crossSigned, oldRoot), "shop.example.org");

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(sha256(EC_ROOT), verdict.anchor().certificateSha256());
        assertTrue(verdict.anchor().sentByServer(), "a certificate with the root's name and key was sent");
        assertTrue(verdict.notes().contains(ChainNote.UNUSED_CERTIFICATES), "the old root is not on the path");
    }

    @Test
    void sameNameDifferentKeyIssuersArePickedByKeyAndSignature() {
        Issued rolledOver = TestPki.certificate("CN=Test Issuing CA R1,O=tlswatch tests,C=KZ").keys(Keys.EC_CA)
                .issuedBy(RSA_ROOT).ca(null).build();
        Issued leafUnderNewKey = TestPki.leaf(rolledOver, "new.example.com");

        ChainVerdict verdict = validate(chain(leafUnderNewKey, RSA_CA, rolledOver), "new.example.com");

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(sha256(rolledOver), verdict.path().get(1));
        assertEquals(Set.of(ChainNote.OUT_OF_ORDER, ChainNote.UNUSED_CERTIFICATES), verdict.notes());
    }

    @Test
    void weakSignatureHashesAreNotedNotFailed() {
        Issued sha1Leaf = TestPki.certificate("CN=sha1.example.com").issuedBy(RSA_CA).serverLeaf().dns("sha1.example.com")
                .signatureAlgorithm("SHA1withRSA").build();
        Issued md5Leaf = TestPki.certificate("CN=md5.example.com").issuedBy(RSA_CA).serverLeaf().dns("md5.example.com")
                .signatureAlgorithm("MD5withRSA").build();
        Issued sha1Root = TestPki.certificate("CN=SHA1 Root,C=KZ").keys(Keys.RSA_FORGER).ca(null)
                .signatureAlgorithm("SHA1withRSA").validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
        Issued underSha1Root = TestPki.leaf(sha1Root, "root-sha1.example.com");
        ChainValidator withSha1Root = new ChainValidator(TestPki.storeOf(sha1Root));

        ChainVerdict sha1 = validate(chain(sha1Leaf, RSA_CA), "sha1.example.com");
        ChainVerdict md5 = validate(chain(md5Leaf, RSA_CA), "md5.example.com");

        assertTrue(sha1.trusted());
        assertEquals(Set.of(ChainNote.SHA1_SIGNATURE), sha1.notes());
        assertTrue(md5.trusted());
        assertEquals(Set.of(ChainNote.MD5_SIGNATURE), md5.notes());
        assertEquals(Set.of(), withSha1Root.validate(chain(underSha1Root), "root-sha1.example.com", CAPTURE).notes(),
                "a root's own self-signature does not count");
    }

    @Test
    void emptyChainHasNoCertificate() {
        ChainVerdict verdict = validate(List.of(), "www.example.com");

        assertEquals(Set.of(ChainFailure.NO_CERTIFICATE), verdict.failures());
        assertEquals(List.of(), verdict.path());
        assertNull(verdict.anchor());
    }

    @Test
    void leafThatDoesNotParseIsMalformedAndUnparseableExtrasAreLeftOut() {
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05};

        ChainVerdict caAsLeaf = validate(chain(RSA_CA), "www.example.com");
        ChainVerdict garbageLeaf = validator.validate(List.of(garbage, RSA_CA.der()), "www.example.com", CAPTURE);
        ChainVerdict garbageExtra = validator.validate(List.of(RSA_LEAF.der(), garbage, RSA_CA.der()), "www.example.com", CAPTURE);

        assertEquals(Set.of(ChainFailure.NAME_MISMATCH, ChainFailure.BAD_KEY_USAGE), caAsLeaf.failures(),
                "a CA sent as the leaf parses: it only is no server certificate");
        assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), garbageLeaf.failures());
        assertEquals(1, garbageLeaf.path().size());
        assertTrue(garbageExtra.trusted(), garbageExtra.toString());
        assertEquals(Set.of(ChainNote.UNPARSEABLE_CERTIFICATES), garbageExtra.notes(), "order counts among what parsed");
    }
}
