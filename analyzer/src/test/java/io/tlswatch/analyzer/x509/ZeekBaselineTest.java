package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Zeek's own btest baselines (x509.log, OpenSSL-based) for four captures, an independent reading of
 * the same certificates: every field both of us report must agree.
 */
class ZeekBaselineTest {
    /** OpenSSL's signature algorithm names, as Zeek logs them, to our ECS-style names. */
    private static final Map<String, String> SIGNATURE_NAMES = Map.of(
            "sha1WithRSAEncryption", "SHA1-RSA",
            "sha256WithRSAEncryption", "SHA256-RSA",
            "ecdsa-with-SHA256", "ECDSA-SHA256",
            "ecdsa-with-SHA384", "ECDSA-SHA384");
    private static final Map<String, String> KEY_TYPES = Map.of("rsa", "RSA", "ecdsa", "EC");
    /** OpenSSL calls P-256 by its X9.62 name; we use SEC 2 names. */
    private static final Map<String, String> CURVE_ALIASES = Map.of("prime256v1", "secp256r1");

    @Test
    void everyBaselineRowAgreesWithOurParse() throws Exception {
        Map<String, CertificateInfo> bySha256 = bundledCertificates();
        int rows = 0;
        for (Path log : baselineLogs()) {
            for (Map<String, String> row : TestResources.zeekLog(Files.readString(log))) {
                CertificateInfo info = bySha256.get(row.get("fingerprint"));
                assertNotNull(info, "certificate " + row.get("fingerprint") + " of " + log.getFileName());
                assertAgrees(row, info);
                rows++;
            }
        }
        assertEquals(11, rows);
    }

    @Test
    void bundledBaselinesAreZeeksFilesVerbatim() throws Exception {
        Path expected = SharedCorpus.require().resolve("zeek").resolve("expected");
        for (Path log : baselineLogs()) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(log.getFileName().toString())),
                    Files.readAllBytes(log), log.getFileName().toString());
        }
    }

    private static void assertAgrees(Map<String, String> row, CertificateInfo info) {
        String id = row.get("fingerprint").substring(0, 12);
        assertEquals(Integer.parseInt(row.get("certificate.version")), info.versionNumber(), id);
        assertEquals(row.get("certificate.serial"), info.serialNumber(), id);
        assertEquals(row.get("certificate.subject"), info.subject().distinguishedName(), id);
        assertEquals(row.get("certificate.issuer"), info.issuer().distinguishedName(), id);
        assertEquals(epochSeconds(row.get("certificate.not_valid_before")), info.notBefore().getEpochSecond(), id);
        assertEquals(epochSeconds(row.get("certificate.not_valid_after")), info.notAfter().getEpochSecond(), id);
        assertEquals(SIGNATURE_NAMES.get(row.get("certificate.sig_alg")), info.signatureAlgorithm().name(), id);
        assertEquals(KEY_TYPES.get(row.get("certificate.key_type")), info.publicKey().algorithm(), id);
        assertEquals(Integer.parseInt(row.get("certificate.key_length")), info.publicKey().sizeBits(), id);
        assertEquals(unset(row.get("certificate.exponent")), info.publicKey().exponent() == null ? null
                : info.publicKey().exponent().toString(), id);
        String curve = unset(row.get("certificate.curve"));
        assertEquals(curve == null ? null : CURVE_ALIASES.getOrDefault(curve, curve), info.publicKey().curve(), id);
        assertFalse(info.anomalies().contains(CertificateAnomaly.LIST_TRUNCATED), id);
        assertEquals(unset(row.get("san.dns")), dnsNames(info), id);
        assertEquals(unset(row.get("basic_constraints.ca")),
                info.caConstraints() == null ? null : info.caConstraints().ca() ? "T" : "F", id);
        assertEquals(unset(row.get("basic_constraints.path_len")),
                info.caConstraints() == null || info.caConstraints().pathLength() == null ? null
                        : info.caConstraints().pathLength().toString(), id);
    }

    /** DNS SANs (the names without a "type:" prefix that are not IP addresses), comma-joined as Zeek logs them. */
    private static String dnsNames(CertificateInfo info) {
        List<String> dns = info.alternativeNames().stream()
                .filter(n -> !n.contains(":") && !n.matches("[0-9.]+")).collect(Collectors.toList());
        return dns.isEmpty() ? null : String.join(",", dns);
    }

    private static long epochSeconds(String zeekTime) {
        return (long) Double.parseDouble(zeekTime);
    }

    private static String unset(String zeekValue) {
        return "-".equals(zeekValue) ? null : zeekValue;
    }

    private static Map<String, CertificateInfo> bundledCertificates() throws IOException, URISyntaxException {
        Map<String, CertificateInfo> bySha256 = new HashMap<>();
        try (Stream<Path> files = Files.list(resourceDir("corpus"))) {
            for (Path der : files.filter(p -> p.toString().endsWith(".der")).collect(Collectors.toList())) {
                CertificateInfo info = CertificateParser.parse(Files.readAllBytes(der));
                bySha256.put(info.sha256(), info);
            }
        }
        return bySha256;
    }

    private static List<Path> baselineLogs() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(resourceDir("corpus/zeek"))) {
            return files.filter(p -> p.toString().endsWith(".x509.log")).sorted().collect(Collectors.toList());
        }
    }

    private static Path resourceDir(String relative) throws URISyntaxException {
        return Path.of(ZeekBaselineTest.class.getResource(relative).toURI());
    }
}
