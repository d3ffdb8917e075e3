package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real certificates cut from public test captures (see resources corpus/README.md), checked
 * against the corpus's tshark/python-cryptography oracle and, for specific fields, against
 * {@code openssl x509 -text} readings of the same files.
 */
class CorpusCertificatesTest {
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u([0-9a-fA-F]{4})");

    @Test
    void leavesMatchTheOracleSha1AndCommonNames() {
        List<Map<String, String>> rows = oracleRows();
        assertEquals(11, rows.size());
        for (Map<String, String> row : rows) {
            CertificateInfo info = leaf(row.get("file"));
            assertTrue(info.isParsed(), row.get("file"));
            assertEquals(row.get("leaf_sha1"), info.sha1(), row.get("file"));
            assertEquals(unescape(row.get("leaf_subject_cn")), firstOrEmpty(info.subject().commonNames()), row.get("file"));
            assertEquals(unescape(row.get("leaf_issuer_cn")), firstOrEmpty(info.issuer().commonNames()), row.get("file"));
        }
    }

    @Test
    void bundledOracleRowsAreTheCorpusOracleRows() throws IOException {
        Path corpus = SharedCorpus.require();
        for (Map<String, String> row : oracleRows()) {
            String capture = row.get("capture");
            Path oracle = corpus.resolve(capture.substring(0, capture.indexOf('/'))).resolve("expected")
                    .resolve(capture.substring(capture.indexOf('/') + 1) + ".oracle.tsv");
            Map<String, String> original = TestResources.tsv(Files.readString(oracle)).stream()
                    .filter(r -> r.get("frame").equals(row.get("frame"))).findFirst().orElseThrow();
            assertEquals(original.get("leaf_sha1"), row.get("leaf_sha1"), capture);
            assertEquals(original.get("leaf_subject_cn"), unescape(row.get("leaf_subject_cn")), capture);
            assertEquals(original.get("leaf_issuer_cn"), unescape(row.get("leaf_issuer_cn")), capture);
        }
    }

    @Test
    void certificateWithoutAnyCommonName() {
        CertificateInfo info = leaf("tls__cert-no-cn-1.der");

        assertEquals(List.of(), info.subject().commonNames());
        assertEquals(List.of("TestCorp"), info.subject().organizations());
        assertEquals("O=TestCorp", info.issuer().distinguishedName());
        assertEquals("FA17A614059B1EF3", info.serialNumber());
        assertTrue(info.selfSigned());
        assertTrue(info.signatureAlgorithm().weakHash());
    }

    @Test
    void nulInsideSubjectOrganizationSurvivesAndIsEscapedInTheDn() {
        CertificateInfo info = leaf("tls__tls-subject-zero__input-1.der");

        assertEquals(List.of("Microsoft Corporat\u0000on"), info.subject().organizations());
        assertEquals("CN=go.microsoft.com,OU=Microsoft Corporation,O=Microsoft Corporat\\00on,L=Redmond,ST=WA,C=US",
                info.subject().distinguishedName());
        assertEquals(3, info.sctCount());
        assertEquals(List.of("http://ocsp.msocsp.com"), info.ocspUris());
        assertEquals(List.of("http://www.microsoft.com/pki/mscorp/Microsoft%20RSA%20TLS%20CA%2001.crt"), info.caIssuerUris());
        assertEquals(List.of("go.microsoft.com", "fast.go.microsoft.com", "aka.ms", "www.aka.ms", "go2.microsoft.com"),
                info.alternativeNames());
        assertEquals(List.of("digitalSignature", "keyEncipherment", "dataEncipherment"), info.keyUsage());
        assertEquals("ece9b557e681a1d2e6407cf80e1854044a65eaea", info.subjectKeyId());
        assertEquals("12001F1FB8029FC1BD6355ECB20000001F1FB8", info.serialNumber());
    }

    @Test
    void nulInsideIssuerCommonName() {
        CertificateInfo info = leaf("tls__tls-issuer-zero__input-1.der");

        assertEquals(List.of("Microsoft RSA TL\u0000 CA 01"), info.issuer().commonNames());
        assertEquals("CN=Microsoft RSA TL\\00 CA 01,O=Microsoft Corporation,C=US", info.issuer().distinguishedName());
    }

    @Test
    void globusProxyCertificateHasThreeCommonNamesAndAnUnknownCriticalExtension() {
        CertificateInfo info = leaf("globus-url-copy-bad-encoding-1.der");

        assertEquals(List.of("Jon Siwek", "917532944", "932373381"), info.subject().commonNames());
        assertEquals(List.of("GlobusTest", "simpleCA-alpha", "local"), info.subject().organizationalUnits());
        assertEquals(List.of("1.3.6.1.5.5.7.1.14"), info.unknownCriticalExtensions()); // proxyCertInfo, RFC 3820
        assertEquals(512, info.publicKey().sizeBits());
        assertFalse(info.selfIssued());
    }

    @Test
    void curveBallCaCarriesExplicitCurveParameters() {
        CertificateInfo ca = leaf("badcurveball-2.der");

        assertEquals("EC", ca.publicKey().algorithm());
        assertTrue(ca.publicKey().explicitCurveParameters());
        assertNull(ca.publicKey().curve());
        assertEquals(384, ca.publicKey().sizeBits());
        assertTrue(ca.selfIssued());
        // verifying over explicit parameters costs milliseconds per hostile certificate: not tried
        assertFalse(ca.selfSigned());
        assertTrue(ca.anomalies().contains(CertificateAnomaly.SELF_SIGNATURE_NOT_CHECKED));
    }

    @Test
    void curveBallLeafIsANamedP384Key() {
        CertificateInfo leaf = leaf("badcurveball-1.der");

        assertEquals("secp384r1", leaf.publicKey().curve());
        assertFalse(leaf.publicKey().explicitCurveParameters());
        assertEquals("ECDSA-SHA256", leaf.signatureAlgorithm().name());
        assertEquals(List.of("bad.curveballtest.com"), leaf.alternativeNames());
        assertEquals(List.of("digitalSignature", "contentCommitment", "keyEncipherment"), leaf.keyUsage());
        assertEquals(List.of("serverAuth", "clientAuth", "codeSigning", "emailProtection"), leaf.extendedKeyUsage());
        assertEquals(new CaConstraints(false, null), leaf.caConstraints());
    }

    @Test
    void version1CertificateWithGeneralizedTimesBefore2050() {
        CertificateInfo info = leaf("tls__x509-generalizedtime-1.der");

        assertEquals(1, info.versionNumber());
        assertEquals("03E8", info.serialNumber());
        assertEquals(Instant.parse("2015-09-01T13:33:37Z"), info.notBefore());
        assertEquals(Instant.parse("2025-09-01T13:33:37Z"), info.notAfter());
        assertEquals("SHA1-RSA", info.signatureAlgorithm().name());
    }

    @Test
    void rootWithSerialZeroAndAnEscapedComma() {
        CertificateInfo info = leaf("tls__missing-intermediate-f23-3.der");

        assertEquals("00", info.serialNumber());
        assertTrue(info.anomalies().contains(CertificateAnomaly.SERIAL_NOT_POSITIVE));
        // openssl x509 -subject -nameopt RFC2253
        assertEquals("CN=Starfield Root Certificate Authority - G2,O=Starfield Technologies\\, Inc.,L=Scottsdale,"
                + "ST=Arizona,C=US", info.subject().distinguishedName());
        assertEquals(List.of("Starfield Technologies, Inc."), info.subject().organizations());
        assertTrue(info.selfSigned());
    }

    @Test
    void precertificatePoisonServedInTlsIsAnUnknownCriticalExtension() {
        CertificateInfo info = leaf("tls__tls-glupteba-mb__input-1.der");

        assertEquals(List.of("1.3.6.1.4.1.11129.2.4.3"), info.unknownCriticalExtensions());
        assertEquals(17, info.alternativeNameCount());
    }

    static CertificateInfo leaf(String file) {
        return CertificateParser.parse(TestResources.bytes("corpus/" + file));
    }

    private static List<Map<String, String>> oracleRows() {
        return TestResources.tsv(TestResources.text("corpus/oracle.tsv"));
    }

    private static String firstOrEmpty(List<String> values) {
        return values.isEmpty() ? "" : values.get(0);
    }

    /** The bundled oracle writes NUL as {@code \u0000}. */
    private static String unescape(String text) {
        Matcher m = UNICODE_ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }
}
