package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Real interception roots (the Kazakh ones Chromium blocks, Superfish) and certificates made to
 * look like them: recognised by hash, by key and by name, with the evidence a verdict cites.
 */
class RealInterceptionRootsTest {
    private static final String QAZNET_SHA256 = "00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2";
    private static final String QAZNET_SPKI = "b5ba8dd7f89564c2889d3d6453c84998c77824919b64ea0835aa62986591be50";
    // Chromium's blocklist names the Superfish root by this SHA-256 of its DER.
    private static final String SUPERFISH_SHA256 = "b6fe9151402bad1c06d7e66db67a26aa7356f2e6c644dbcf9f98968ff632e1b7";

    private final CatalogueMatcher matcher = new CatalogueMatcher(InterceptorCatalogue.shipped());

    @Test
    void qaznetRootMatchesByCertificateKeyAndName() {
        CertificateInfo root = x509Resource("interceptors/qaznet-trust-network-2016.pem");
        CertificateInfo leaf = TestCertificates.certificate(
                TestCertificates.name("CN", "www.facebook.com"), TestCertificates.name("C", "KZ", "CN", "Qaznet Trust Network"));

        ChainMatches found = matcher.match(List.of(leaf, root));

        CatalogueMatch match = only(found, "kz-qaznet-trust-network-2019");
        assertEquals(Set.of("1 cert_sha256 " + QAZNET_SHA256, "1 spki_sha256 " + QAZNET_SPKI,
                "0 issuer CN=Qaznet Trust Network,C=KZ", "1 issuer CN=Qaznet Trust Network,C=KZ",
                "1 subject CN=Qaznet Trust Network,C=KZ"), evidence(match));
        MatchEvidence byHash = match.evidence().stream()
                .filter(e -> e.field() == MatchedField.CERT_SHA256).findFirst().orElseThrow();
        assertEquals(root.sha256(), byHash.certificateSha256());
        assertEquals(QAZNET_SHA256, byHash.pattern());
    }

    @Test
    void isca2050RootMatchesByHashesAndName() {
        CertificateInfo root = x509Resource("interceptors/isca-kz-2020-e-2050.pem");

        CatalogueMatch match = only(matcher.match(List.of(root)), "kz-isca-2020");

        assertEquals(Set.of("0 cert_sha256 c530fadc9bfa265e63b755cc6ee04c2d70d60bb916ce2f331dc7359362571b25",
                "0 spki_sha256 02a95f43431019e9dc225f05f419330190deb4a3f1869caac9842b403dcbee77",
                // roots.tsv gives the subject in RFC 4514 order: this root's DER starts with CN
                "0 issuer C=KZ,O=ISCA,CN=Information Security Certification Authority"), evidence(match));
    }

    @Test
    void everySharedKazakhRootMatchesAGovernmentEntryByBothHashes() throws IOException {
        Path interceptors = SharedCorpus.requireInterceptors();
        List<String> rows = Files.readAllLines(interceptors.resolve("roots.tsv"));
        assertEquals(11, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] cells = row.split("\t");
            CertificateInfo root = CertificateParser.parse(TestCertificates.fileDer(interceptors.resolve(cells[0])));
            ChainMatches found = matcher.match(List.of(root));
            assertEquals(1, found.matches().size(), cells[0]);
            CatalogueMatch match = found.matches().get(0);
            assertEquals(InterceptorClass.GOVERNMENT, match.entry().interceptorClass(), cells[0]);
            Set<String> evidence = evidence(match);
            assertTrue(evidence.contains("0 cert_sha256 " + cells[2]), cells[0] + " " + evidence);
            assertTrue(evidence.contains("0 spki_sha256 " + cells[3]), cells[0] + " " + evidence);
        }
    }

    @Test
    void reissuedRootWithNewKeyButSameNameMatchesByNameOnly() {
        CertificateInfo reissued = TestCertificates.reissuedRoot(TestCertificates.name(
                "C", "KZ", "O", "ISCA", "CN", "Information Security Certification Authority"));
        CertificateInfo leaf = TestCertificates.certificate(TestCertificates.name("CN", "twitter.com"),
                TestCertificates.name("C", "KZ", "O", "ISCA", "CN", "Information Security Certification Authority"));

        CatalogueMatch match = only(matcher.match(List.of(leaf, reissued)), "kz-isca-2020");

        assertTrue(match.evidence().stream().allMatch(e -> e.field() == MatchedField.ISSUER || e.field() == MatchedField.SUBJECT));
        assertEquals(Set.of(0, 1), match.evidence().stream().map(MatchEvidence::chainIndex).collect(Collectors.toSet()));
        assertEquals("CN=Information Security Certification Authority, O=ISCA, C=KZ", match.evidence().get(0).pattern());
    }

    @Test
    void leafIssuedBySecurityCertificateIntermediateMatchesAlone() {
        // Censored Planet, 2019: forged leaves were issued by C=KZ, CN=Security Certificate.
        CertificateInfo leaf = TestCertificates.certificate(TestCertificates.name("CN", "iqala.kz"),
                TestCertificates.name("C", "KZ", "CN", "Security Certificate"));

        CatalogueMatch match = only(matcher.match(List.of(leaf)), "kz-qaznet-trust-network-2019");

        assertEquals(Set.of("0 issuer CN=Security Certificate,C=KZ"), evidence(match));
        assertEquals("CN=Security Certificate, C=KZ", match.evidence().get(0).pattern());
    }

    @Test
    void superfishRootMatchesByChromiumsHashKeyAndName() {
        CertificateInfo root = CertificateParser.parse(TestCertificates.resourceDer("superfish-2014.pem"));
        assertEquals(SUPERFISH_SHA256, root.sha256());

        CatalogueMatch match = only(matcher.match(List.of(root)), "superfish-2014");

        assertEquals(InterceptorClass.MALWARE, match.entry().interceptorClass());
        assertEquals(Set.of("0 cert_sha256 " + SUPERFISH_SHA256, "0 spki_sha256 " + root.publicKey().spkiSha256(),
                "0 issuer CN=Superfish\\, Inc.,C=US,ST=CA,L=SF,O=Superfish\\, Inc."), evidence(match));
    }

    @Test
    void oneByteBrokenQaznetRootLosesItsCertificateHashButKeepsKeyAndName() {
        byte[] der = TestCertificates.resourceDer("/io/tlswatch/analyzer/x509/interceptors/qaznet-trust-network-2016.pem");
        der[der.length - 1] ^= 0x01; // the last byte of the signature

        CertificateInfo broken = CertificateParser.parse(der);
        CatalogueMatch match = only(matcher.match(List.of(broken)), "kz-qaznet-trust-network-2019");

        assertNotEquals(QAZNET_SHA256, broken.sha256());
        Set<String> evidence = evidence(match);
        assertFalse(evidence.contains("0 cert_sha256 " + QAZNET_SHA256), evidence.toString());
        assertTrue(evidence.contains("0 spki_sha256 " + QAZNET_SPKI), evidence.toString());
        assertTrue(evidence.contains("0 issuer CN=Qaznet Trust Network,C=KZ"), evidence.toString());
    }

    @Test
    void truncatedQaznetRootDoesNotParseAndMatchesNothing() {
        byte[] der = TestCertificates.resourceDer("/io/tlswatch/analyzer/x509/interceptors/qaznet-trust-network-2016.pem");
        byte[] cut = java.util.Arrays.copyOf(der, der.length / 2);

        CertificateInfo unparsed = CertificateParser.parse(cut);

        assertFalse(unparsed.isParsed());
        assertFalse(matcher.match(List.of(unparsed)).any());
    }

    static CertificateInfo x509Resource(String relativePath) {
        return CertificateParser.parse(TestCertificates.resourceDer("/io/tlswatch/analyzer/x509/" + relativePath));
    }

    static CatalogueMatch only(ChainMatches found, String id) {
        assertEquals(List.of(id), found.matches().stream().map(m -> m.entry().id()).toList());
        return found.matches().get(0);
    }

    /** Evidence as "index field value" strings. */
    static Set<String> evidence(CatalogueMatch match) {
        return match.evidence().stream().map(e -> e.chainIndex() + " " + e.field().jsonName() + " " + e.value())
                .collect(Collectors.toSet());
    }
}
