package io.tlswatch.analyzer.x509.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Chains real servers sent (resources trust/chains, see its README) against the shipped Mozilla
 * snapshot at their capture times. Whether each leads to a root was checked independently with
 * {@code openssl verify -attime} against the same snapshot (README); fingerprints of the roots
 * are the CAs' published ones.
 */
class RealChainsTest {
    private static final String ISRG_ROOT_X1_SHA256 = "96bcec06264976f37460779acf28c5a7cfe8a3c0aae11a8ffcee05c0bddf08c6";

    private final ChainValidator validator = new ChainValidator(TrustStore.mozillaSnapshot());

    private ChainVerdict validate(String chain, String serverName, long captureEpoch) {
        return validator.validate(TrustResources.chain(chain), serverName, Instant.ofEpochSecond(captureEpoch));
    }

    @Test
    void ecdsaChainWithoutServerNameLeadsToComodoEcc() {
        ChainVerdict verdict = validate("zeek-ecdsa-cert", null, 1416942644);

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals("CN=COMODO ECC Certification Authority,O=COMODO CA Limited,L=Salford,ST=Greater Manchester,C=GB",
                verdict.anchor().subject());
        assertFalse(verdict.anchor().sentByServer());
        assertEquals(3, verdict.path().size());
        assertEquals(Set.of(ChainNote.NAME_NOT_CHECKED), verdict.notes());
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validate("zeek-ecdsa-cert", "example.com", 1416942644).failures());
    }

    @Test
    void exampleOrgChainSentWithItsRootIsTrustedThenAndExpiredLater() {
        ChainVerdict verdict = validate("suricata-tls-certs-alert", "example.com", 1557907878);

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals("example.com", verdict.matchedName());
        assertEquals("CN=DigiCert Global Root CA,OU=www.digicert.com,O=DigiCert Inc,C=US", verdict.anchor().subject());
        assertTrue(verdict.anchor().sentByServer());
        assertEquals(Set.of(ChainNote.ROOT_SENT), verdict.notes());
        // the leaf's notAfter is 2020-12-02T12:00:00Z (openssl x509 -enddate)
        assertEquals(Instant.parse("2020-12-02T12:00:00Z"), verdict.pathValidUntil());
        assertEquals(Set.of(ChainFailure.EXPIRED), validate("suricata-tls-certs-alert", "example.com", 1609459200).failures());
    }

    @Test
    void letsEncryptChainEndsAtTheStoreIsrgRootNotAtTheCrossSignedCopy() {
        ChainVerdict verdict = validate("zeek-geneve-47101", "www.kernel.org", 1673516612);

        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(ISRG_ROOT_X1_SHA256, verdict.anchor().certificateSha256());
        assertEquals(ISRG_ROOT_X1_SHA256, verdict.path().get(2));
        assertTrue(verdict.anchor().sentByServer(), "the cross-signed ISRG Root X1 carries the root's name and key");
        assertEquals("www.kernel.org", verdict.matchedName());
    }

    /**
     * Google, April 2014: the path climbs leaf, Google Internet Authority G2, GeoTrust Global CA
     * (cross-signed by Equifax) and stops: neither GeoTrust Global CA nor Equifax Secure CA is in
     * the 2023 store. The verdict says INCOMPLETE_CHAIN and names the missing Equifax issuer, not
     * UNKNOWN_ISSUER (nothing above the leaf known) nor UNTRUSTED_ROOT (a sent self-signed root):
     * an old capture meeting a removed root, which interception rules must not blame on a
     * middlebox. Trusting the GeoTrust name and key again makes the same chain trusted.
     */
    @Test
    void googleChainOf2014StopsAtTheRootsThatLeftTheStore() {
        List<byte[]> chain = TrustResources.chain("zeek-chrome-34-google");
        Instant capture = Instant.ofEpochSecond(1398362902);

        ChainVerdict verdict = validator.validate(chain, "google.de", capture);

        assertEquals(Set.of(ChainFailure.INCOMPLETE_CHAIN), verdict.failures());
        assertEquals("OU=Equifax Secure Certificate Authority,O=Equifax,C=US", verdict.missingIssuer());
        assertNull(verdict.anchor());
        assertEquals(3, verdict.path().size());
        assertEquals(Set.of(ChainNote.SHA1_SIGNATURE), verdict.notes(), "the 2014 leaf is signed with SHA-1");
        assertEquals("google.de", verdict.matchedName());
        assertFalse(verdict.failures().contains(ChainFailure.EXPIRED), "judged in 2014, not today");

        String geoTrustGlobalCa = TestPki.pem(chain.get(2));
        ChainValidator withGeoTrust = new ChainValidator(
                TrustStore.mozillaSnapshot().withAdditionalRoots("geotrust", geoTrustGlobalCa.getBytes()));
        ChainVerdict rooted = withGeoTrust.validate(chain, "google.de", capture);
        assertTrue(rooted.trusted(), rooted.toString());
        assertEquals("CN=GeoTrust Global CA,O=GeoTrust Inc.,C=US", rooted.anchor().subject());
    }

    @Test
    void goDaddyChainOf2015HadAnExpiredLeafButLeadsToTheStore() {
        ChainVerdict verdict = validate("zeek-tls-early-alert", "jeffbryner.com", 1445545869);

        assertEquals(Set.of(ChainFailure.EXPIRED), verdict.failures());
        assertTrue(verdict.anchoredInStore());
        assertEquals("OU=Go Daddy Class 2 Certification Authority,O=The Go Daddy Group\\, Inc.,C=US", verdict.anchor().subject());
        assertEquals(Set.of(ChainNote.ROOT_SENT, ChainNote.UNUSED_CERTIFICATES, ChainNote.SHA1_SIGNATURE), verdict.notes(),
                "the ValiCert root is not needed; the Go Daddy Class 2 cross-certificate stands for the store root");
        assertTrue(validate("zeek-tls-early-alert", "jeffbryner.com", Instant.parse("2010-06-01T00:00:00Z").getEpochSecond())
                .trusted(), "the same chain in June 2010, while the leaf was valid");
    }

    @Test
    void bundledChainsAreTheCertificateMessagesOfTheirCorpusCaptures() throws IOException {
        Path corpus = SharedCorpus.require();
        List<String[]> rows = TrustResources.tsvRows(TrustResources.text("/io/tlswatch/analyzer/x509/trust/chains/chains.tsv"));
        assertEquals(5, rows.size());
        for (String[] row : rows) { // file, capture, project, licence, commit, frame, capture_epoch, sni
            Path capture = corpus.resolve(row[1]);
            Path oracle = capture.resolveSibling("expected").resolve(capture.getFileName() + ".oracle.tsv");
            String[] original = TrustResources.tsvRows(Files.readString(oracle)).stream()
                    .filter(cells -> cells[0].equals(row[5])).findFirst().orElseThrow();
            // oracle columns: frame, src_ip, src_port, dst_ip, dst_port, stream, sni, version, sender, chain_len, leaf_sha1
            List<byte[]> chain = TrustResources.chain(row[0].replace(".pem", ""));
            assertEquals(original[6], row[7], row[0]);
            assertEquals(Integer.parseInt(original[9]), chain.size(), row[0]);
            assertEquals(original[10], CertificateParser.parse(chain.get(0)).sha1(), row[0]);
        }
    }
}
