package io.tlswatch.analyzer.x509.trust;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.testpki.TestPki.Keys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Refreshing the shipped snapshot: the bundle copied as is, SOURCE.md dated and hashed. */
class TrustStoreSnapshotTest {
    private static final Clock NEW_YEAR = Clock.fixed(Instant.parse("2031-01-01T23:30:00Z"), ZoneOffset.ofHours(5));
    private static final Issued FIRST = TestPki.root("CN=First Root,C=KZ", Keys.EC_ROOT);
    private static final Issued SECOND = TestPki.root("CN=Second Root,C=KZ", Keys.EC_OTHER);

    @Test
    void refreshCopiesTheBundleAndRecordsItsOriginDateHashAndCount(@TempDir Path dir) throws Exception {
        String pem = FIRST.pem() + "-----BEGIN CERTIFICATE-----\nbr*ken\n-----END CERTIFICATE-----\n" + SECOND.pem();
        Path bundle = Files.writeString(dir.resolve("ca-certificates.crt"), pem);
        Path out = dir.resolve("out");

        TrustStoreSnapshot snapshot = TrustStoreSnapshot.refresh(bundle, out, "Debian ca-certificates 20991231", NEW_YEAR);

        assertArrayEquals(Files.readAllBytes(bundle), Files.readAllBytes(out.resolve("mozilla-roots.pem")));
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(bundle)));
        assertEquals(sha256, snapshot.sha256());
        assertEquals(LocalDate.parse("2031-01-01"), snapshot.date(), "dated in UTC whatever the clock's zone");
        assertEquals(2, snapshot.roots());
        assertEquals(List.of(PemEntryProblem.NOT_BASE64), snapshot.skipped().stream().map(SkippedPemEntry::problem).toList());
        String source = Files.readString(out.resolve(TrustStoreSnapshot.SOURCE_FILE));
        assertTrue(source.contains("- origin: Debian ca-certificates 20991231\n"));
        assertTrue(source.contains("- refreshed: 2031-01-01\n"));
        assertTrue(source.contains("- sha256: " + sha256 + "\n"));
        assertTrue(source.contains("- roots: 2\n"));
        assertTrue(source.contains("  - mozilla-roots.pem #2: not_base64\n"));
        assertEquals(2, TrustStore.fromPem(out.resolve("mozilla-roots.pem")).size(), "the written snapshot loads");
    }

    @Test
    void directoryOfPemFilesIsConcatenatedInFileNameOrder(@TempDir Path dir) throws IOException {
        Path mozilla = Files.createDirectories(dir.resolve("mozilla"));
        Files.writeString(mozilla.resolve("b_Second.crt"), SECOND.pem());
        Files.writeString(mozilla.resolve("a_First.crt"), FIRST.pem());

        TrustStoreSnapshot snapshot = TrustStoreSnapshot.refresh(mozilla, dir.resolve("out"));

        assertEquals(FIRST.pem() + SECOND.pem(), Files.readString(snapshot.pemFile()));
        assertTrue(Files.readString(snapshot.sourceFile()).contains("- origin: mozilla\n"));
        assertEquals(List.of("CN=First Root,C=KZ", "CN=Second Root,C=KZ"),
                TrustStore.fromPem(snapshot.pemFile()).anchors().stream().map(TrustAnchor::subject).toList());
    }

    @Test
    void bundleWithoutAnyCertificateIsRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
        Path bundle = Files.writeString(dir.resolve("empty.pem"), "-----BEGIN CERTIFICATE-----\nAQID\n-----END CERTIFICATE-----\n");
        Path out = dir.resolve("out");

        IOException refused = assertThrows(IOException.class, () -> TrustStoreSnapshot.refresh(bundle, out));

        assertTrue(refused.getMessage().contains("empty.pem holds no certificate"), refused.getMessage());
        assertFalse(Files.exists(out));
    }
}
