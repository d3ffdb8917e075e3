package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Kazakh interception roots Chromium blocks: their certificate and SPKI SHA-256 (Chromium's
 * names for them, repeated in roots.tsv) and subjects are an oracle independent of our code.
 */
class InterceptorRootsTest {

    @Test
    void bundledRootsMatchTheirCertificateAndSpkiHashesAndSubjects() {
        List<Map<String, String>> rows = TestResources.tsv(TestResources.text("interceptors/roots.tsv"));
        assertEquals(2, rows.size());
        for (Map<String, String> row : rows) {
            byte[] der = TestResources.pemToDer(TestResources.text("interceptors/" + row.get("file")));
            assertMatches(row, CertificateParser.parse(der));
        }
    }

    @Test
    void everySharedRootMatchesItsHashesAndSubject() throws IOException {
        Path interceptors = SharedCorpus.requireInterceptors();
        List<Map<String, String>> rows = TestResources.tsv(Files.readString(interceptors.resolve("roots.tsv")));
        assertEquals(10, rows.size());
        for (Map<String, String> row : rows) {
            assertMatches(row, CertificateParser.parse(TestResources.pemFileToDer(interceptors.resolve(row.get("file")))));
        }
    }

    @Test
    void isca2050RootKeepsItsGeneralizedTimeExpiry() {
        CertificateInfo info = CertificateParser.parse(
                TestResources.pemToDer(TestResources.text("interceptors/isca-kz-2020-e-2050.pem")));

        // openssl x509 -dates: notBefore=Feb 28 05:39:51 2020 GMT, notAfter=Feb 28 05:39:51 2050 GMT
        assertEquals(Instant.parse("2020-02-28T05:39:51Z"), info.notBefore());
        assertEquals(Instant.parse("2050-02-28T05:39:51Z"), info.notAfter());
        assertEquals("451D3270968C19997CF2E4E3B97708EFE276F318", info.serialNumber());
        assertEquals(4096, info.publicKey().sizeBits());
    }

    private static void assertMatches(Map<String, String> row, CertificateInfo info) {
        String file = row.get("file");
        assertTrue(info.isParsed(), file);
        assertEquals(row.get("cert_sha256"), info.sha256(), file);
        assertEquals(row.get("spki_sha256"), info.publicKey().spkiSha256(), file);
        assertEquals(row.get("subject"), info.subject().distinguishedName(), file);
        assertTrue(info.selfSigned(), file + " is a self-signed root");
        assertTrue(info.caConstraints() != null && info.caConstraints().ca(), file + " is a CA");
        assertEquals("SHA256-RSA", info.signatureAlgorithm().name(), file);
    }
}
