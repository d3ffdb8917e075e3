package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static io.tlswatch.analyzer.testpki.TestPki.chain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.testpki.TestPki.Keys;
import io.tlswatch.analyzer.x509.CertificateParser;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;
import org.junit.jupiter.api.Test;

/**
 * The Kazakh interception roots Chromium blocks (x509 test resources interceptors/, and all ten in
 * the shared corpus): a site certificate forged under such a root is no Mozilla chain, and it is
 * trusted exactly where a user (or a government) installed the root.
 */
class InterceptionRootsTest {
    private static final String QAZNET_PEM = "/io/tlswatch/analyzer/x509/interceptors/qaznet-trust-network-2016.pem";
    private static final byte[] REAL_QAZNET = TrustResources.pemCertificates(TrustResources.text(QAZNET_PEM)).get(0);
    /** The real root's subject, byte for byte: C=KZ, CN=Qaznet Trust Network. */
    private static final X500Name QAZNET_NAME = Certificate.getInstance(REAL_QAZNET).getSubject();
    /** Our own root with the Qaznet name and key of our own: what an interception box holds. */
    private static final Issued QAZNET_LIKE = TestPki.certificate(QAZNET_NAME).keys(Keys.RSA_FORGER).ca(null)
            .validity("2016-02-02T00:00:00Z", "2046-02-02T00:00:00Z").build();
    private static final Issued FORGED_GOOGLE = TestPki.certificate("CN=www.google.com,O=Google LLC,C=US")
            .issuedBy(QAZNET_LIKE).serverLeaf().dns("www.google.com", "*.google.com").build();

    private final ChainValidator mozilla = new ChainValidator(TrustStore.mozillaSnapshot());

    @Test
    void forgedLeafUnderAQaznetLikeRootIsAnUntrustedRootForMozilla() {
        ChainVerdict withRoot = mozilla.validate(chain(FORGED_GOOGLE, QAZNET_LIKE), "www.google.com", CAPTURE);
        ChainVerdict leafOnly = mozilla.validate(chain(FORGED_GOOGLE), "www.google.com", CAPTURE);

        assertEquals(Set.of(ChainFailure.UNTRUSTED_ROOT), withRoot.failures());
        assertEquals("CN=Qaznet Trust Network,C=KZ", withRoot.anchor().subject());
        assertFalse(withRoot.anchor().inTrustStore());
        assertTrue(withRoot.anchor().sentByServer());
        assertEquals(Set.of(ChainFailure.UNKNOWN_ISSUER), leafOnly.failures());
        assertEquals("CN=Qaznet Trust Network,C=KZ", leafOnly.missingIssuer());
    }

    @Test
    void sameForgedLeafIsTrustedWhereItsRootWasAddedAsAnExtraRoot() {
        ChainValidator installed = new ChainValidator(
                TrustStore.mozillaSnapshot().withAdditionalRoots("installed-by-user", QAZNET_LIKE.pem().getBytes()));

        ChainVerdict leafOnly = installed.validate(chain(FORGED_GOOGLE), "www.google.com", CAPTURE);
        ChainVerdict withRoot = installed.validate(chain(FORGED_GOOGLE, QAZNET_LIKE), "mail.google.com", CAPTURE);

        assertTrue(leafOnly.trusted(), leafOnly.toString());
        assertTrue(leafOnly.anchor().inTrustStore());
        assertEquals(CertificateParser.parse(QAZNET_LIKE.der()).sha256(), leafOnly.anchor().certificateSha256());
        assertTrue(withRoot.trusted(), withRoot.toString());
        assertEquals("*.google.com", withRoot.matchedName());
        assertEquals(Set.of(ChainNote.ROOT_SENT), withRoot.notes());
    }

    @Test
    void leafUnderOurQaznetNameFailsTheSignatureOfTheRealQaznetRoot() {
        ChainValidator realRootInstalled = new ChainValidator(TrustStore.mozillaSnapshot()
                .withAdditionalRoots("qaznet", TrustResources.text(QAZNET_PEM).getBytes()));

        ChainVerdict verdict = realRootInstalled.validate(chain(FORGED_GOOGLE), "www.google.com", CAPTURE);

        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), verdict.failures(), "the name is Qaznet's, the key is not");
        assertEquals("00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2", verdict.anchor().certificateSha256());
    }

    @Test
    void noneOfTheTenKazakhRootsIsInTheSnapshot() throws IOException {
        Path interceptors = SharedCorpus.requireInterceptors();
        List<String[]> rows = TrustResources.tsvRows(Files.readString(interceptors.resolve("roots.tsv")));
        TrustStore snapshot = TrustStore.mozillaSnapshot();

        assertEquals(10, rows.size());
        for (String[] row : rows) { // file, subject, cert_sha256, spki_sha256
            TrustStore root = TrustStore.fromPem(interceptors.resolve(row[0]));
            assertEquals(1, root.size(), row[0]);
            assertEquals(row[3], root.anchors().get(0).spkiSha256(), row[0]);
            assertEquals(List.of(), snapshot.anchorsWithSpki(row[3]), row[0]);
            assertEquals(null, snapshot.anchorWithCertificate(row[2]), row[0]);
        }
    }
}
