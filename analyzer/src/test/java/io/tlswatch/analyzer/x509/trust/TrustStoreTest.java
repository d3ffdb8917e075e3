package io.tlswatch.analyzer.x509.trust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.testpki.TestPki.Keys;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped Mozilla snapshot, the indexes, and loading bundles with bad entries. */
class TrustStoreTest {
    private static final String SNAPSHOT = "/io/tlswatch/analyzer/x509/trust/mozilla-roots.pem";
    private static final String SOURCE = "/io/tlswatch/analyzer/x509/trust/SOURCE.md";
    // ISRG Root X1: certificate SHA-256 fingerprint, subject key identifier and HPKP pin as Let's Encrypt publishes them
    private static final String ISRG_ROOT_X1_SHA256 = "96bcec06264976f37460779acf28c5a7cfe8a3c0aae11a8ffcee05c0bddf08c6";
    private static final String ISRG_ROOT_X1_SKI = "79b459e67bb6e5e40173800888c81a58f6e99b6e";
    private static final String ISRG_ROOT_X1_PIN_HEX = "0b9fa5a59eed715c26c1020c711b4f6ec42d58b0015e14337a39dad301c5afc3";

    @Test
    void mozillaSnapshotHoldsEveryRootOfItsBundleAndMatchesSourceMd() throws Exception {
        TrustStore store = TrustStore.mozillaSnapshot();
        byte[] pem = TrustResources.bytes(SNAPSHOT);
        String source = TrustResources.text(SOURCE);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pem));
        int blocks = new String(pem, StandardCharsets.US_ASCII).split("-----BEGIN CERTIFICATE-----", -1).length - 1;

        assertEquals(142, blocks);
        assertEquals(blocks, store.size());
        assertEquals(List.of(), store.skipped());
        assertTrue(source.contains("- sha256: " + sha256 + "\n"), "SOURCE.md records the bundle's SHA-256");
        assertTrue(source.contains("- roots: 142\n"));
        assertTrue(source.contains("ca-certificates 20230311+deb12u1"));
        assertTrue(source.contains("MPL-2.0"));
        assertSame(store, TrustStore.mozillaSnapshot(), "loaded once");
    }

    @Test
    void snapshotIsIndexedByCertificateSubjectKeyIdAndSpki() {
        TrustStore store = TrustStore.mozillaSnapshot();

        TrustAnchor isrg = store.anchorWithCertificate(ISRG_ROOT_X1_SHA256);

        assertEquals("CN=ISRG Root X1,O=Internet Security Research Group,C=US", isrg.subject());
        assertEquals(ISRG_ROOT_X1_SKI, isrg.subjectKeyId());
        assertEquals(ISRG_ROOT_X1_PIN_HEX, isrg.spkiSha256());
        assertEquals(TrustStore.MOZILLA_SNAPSHOT_RESOURCE, isrg.source());
        assertEquals(List.of(isrg), store.anchorsWithSubject(isrg.subject()));
        assertEquals(List.of(isrg), store.anchorsWithSubjectKeyId(ISRG_ROOT_X1_SKI));
        assertEquals(List.of(isrg), store.anchorsWithSpki(ISRG_ROOT_X1_PIN_HEX));
        assertNull(store.anchorWithCertificate("00".repeat(32)));
        assertEquals(List.of(), store.anchorsWithSubject("CN=Nobody"));
    }

    @Test
    void everySnapshotRootIsASelfSignedCaWhoseKeyWeCanVerifyWith() {
        for (TrustAnchor anchor : TrustStore.mozillaSnapshot().anchors()) {
            CertificateInfo root = anchor.certificate();
            assertEquals(SignatureCheck.Result.VALID, SignatureCheck.verify(anchor.decoded(), anchor.decoded()), anchor.toString());
            assertTrue(root.caConstraints() == null || root.caConstraints().ca(), anchor.toString());
            assertTrue(root.keyUsage().isEmpty() || root.keyUsage().contains("keyCertSign"), anchor.toString());
        }
    }

    @Test
    void kazakhInterceptionRootsAreNotInTheSnapshot() {
        TrustStore store = TrustStore.mozillaSnapshot();
        List<String[]> rows = TrustResources.tsvRows(TrustResources.text("/io/tlswatch/analyzer/x509/interceptors/roots.tsv"));

        assertEquals(2, rows.size());
        for (String[] row : rows) { // file, subject, cert_sha256, spki_sha256
            assertNull(store.anchorWithCertificate(row[2]), row[0]);
            assertEquals(List.of(), store.anchorsWithSpki(row[3]), row[0]);
            assertEquals(List.of(), store.anchorsWithSubject(row[1]), row[0]);
        }
    }

    @Test
    void badEntriesAreSkippedWithTheirReasonsAndTheRestLoads() {
        Issued root = TestPki.root("CN=Good Root,C=KZ", Keys.EC_ROOT);
        String bundle = "comment line before the first block\n"
                + root.pem()
                + "-----BEGIN CERTIFICATE-----\nnot*base64!\n-----END CERTIFICATE-----\n"
                + "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"
                + "-----BEGIN CERTIFICATE-----\nMAMCAQU=\n-----END CERTIFICATE-----\n"
                + root.pem()
                + "-----BEGIN CERTIFICATE-----\nMIIB";

        TrustStore store = TrustStore.fromPem("user.pem", bundle.getBytes(StandardCharsets.US_ASCII));

        assertEquals(1, store.size());
        assertEquals("user.pem", store.anchors().get(0).source());
        assertEquals(List.of(
                        new SkippedPemEntry("user.pem", 2, PemEntryProblem.NOT_BASE64, null),
                        new SkippedPemEntry("user.pem", 3, PemEntryProblem.NOT_A_CERTIFICATE_BLOCK, "PRIVATE KEY"),
                        new SkippedPemEntry("user.pem", 4, PemEntryProblem.NOT_A_CERTIFICATE, "not_a_certificate"),
                        new SkippedPemEntry("user.pem", 5, PemEntryProblem.DUPLICATE, store.anchors().get(0).certificateSha256()),
                        new SkippedPemEntry("user.pem", 6, PemEntryProblem.UNTERMINATED, "CERTIFICATE")),
                store.skipped());
    }

    @Test
    void additionalRootsMakeANewStoreAndLeaveTheOldOneAlone(@TempDir Path dir) throws IOException {
        Issued first = TestPki.root("CN=First Root,C=KZ", Keys.EC_ROOT);
        Issued second = TestPki.root("CN=Second Root,C=KZ", Keys.EC_OTHER);
        Path firstFile = Files.writeString(dir.resolve("first.pem"), first.pem());
        Path bothFile = Files.writeString(dir.resolve("both.pem"), first.pem() + second.pem());

        TrustStore base = TrustStore.fromPem(firstFile);
        TrustStore extended = base.withAdditionalRoots(bothFile);

        assertEquals(1, base.size());
        assertNotSame(base, extended);
        assertEquals(2, extended.size());
        assertEquals(List.of("first.pem", "both.pem"), extended.anchors().stream().map(TrustAnchor::source).toList());
        assertEquals(List.of(PemEntryProblem.DUPLICATE), extended.skipped().stream().map(SkippedPemEntry::problem).toList());
        assertEquals(0, TrustStore.empty().size());
        assertThrows(UnsupportedOperationException.class, () -> extended.anchors().clear());
        assertThrows(IOException.class, () -> TrustStore.fromPem(dir.resolve("missing.pem")));
    }
}
