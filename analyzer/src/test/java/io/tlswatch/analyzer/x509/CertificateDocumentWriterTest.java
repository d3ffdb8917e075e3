package io.tlswatch.analyzer.x509;

import static io.tlswatch.analyzer.x509.CertificateParserTest.hex;
import static io.tlswatch.analyzer.x509.JsonTree.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.x509.TestCertificateBuilder.Keys;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.junit.jupiter.api.Test;

/** The certificate document, written with Jackson and read back field by field. */
class CertificateDocumentWriterTest {
    private static final long FIRST_SEEN = 1_700_000_000_123_456_789L;

    @Test
    void documentCarriesTheEcsX509FieldsHashesAndOurOwnFields() {
        byte[] der = CertificateParserTest.withEveryExtension().signatureAlgorithm("SHA1withRSA").der();

        Map<String, Object> doc = write(CertificateParser.parse(der));

        assertEquals("2023-11-14T22:13:20.123456789Z", at(doc, "@timestamp"));
        assertEquals("certificate", at(doc, "event.kind"));
        assertEquals("3", at(doc, "x509.version_number"));
        assertEquals("0A1B2C", at(doc, "x509.serial_number"));
        assertEquals("CN=www.example.test,O=Example Org,C=KZ", at(doc, "x509.subject.distinguished_name"));
        assertEquals(List.of("www.example.test"), at(doc, "x509.subject.common_name"));
        assertEquals(List.of("Example Org"), at(doc, "x509.subject.organization"));
        assertEquals(List.of("KZ"), at(doc, "x509.subject.country"));
        assertNull(at(doc, "x509.subject.locality"), "empty lists are left out");
        assertEquals(List.of("Example Issuing CA"), at(doc, "x509.issuer.common_name"));
        assertEquals("2024-01-01T00:00:00Z", at(doc, "x509.not_before"));
        assertEquals("2025-01-01T00:00:00Z", at(doc, "x509.not_after"));
        assertEquals(List.of("www.example.test", "*.example.test", "192.0.2.7", "2001:db8::1",
                "email:admin@example.test", "uri:https://example.test/", "dirname:CN=Directory Name,O=Example Org,C=KZ",
                "othername:1.3.6.1.4.1.311.20.2.3:user@example.test", "rid:1.2.3.4"), at(doc, "x509.alternative_names"));
        assertEquals("RSA", at(doc, "x509.public_key_algorithm"));
        assertEquals(2048L, at(doc, "x509.public_key_size"));
        assertEquals(65537L, at(doc, "x509.public_key_exponent"));
        assertNull(at(doc, "x509.public_key_curve"));
        assertEquals("SHA1-RSA", at(doc, "x509.signature_algorithm"));
        assertEquals(hex("SHA-1", der), at(doc, "hash.sha1"));
        assertEquals(hex("SHA-256", der), at(doc, "hash.sha256"));
        assertEquals(hex("SHA-256", Keys.RSA.getPublic().getEncoded()), at(doc, "tlswatch.x509.spki_sha256"));
        assertEquals(9L, at(doc, "tlswatch.x509.alternative_names_count"));
        assertEquals(true, at(doc, "tlswatch.x509.basic_constraints.ca"));
        assertEquals(0L, at(doc, "tlswatch.x509.basic_constraints.path_len"));
        assertEquals(List.of("digitalSignature", "keyEncipherment"), at(doc, "tlswatch.x509.key_usage"));
        assertEquals(List.of("serverAuth", "clientAuth", "1.2.3.4.5"), at(doc, "tlswatch.x509.extended_key_usage"));
        assertEquals(2L, at(doc, "tlswatch.x509.sct_count"));
        assertEquals(List.of("http://ocsp.example.test"), at(doc, "tlswatch.x509.aia.ocsp"));
        assertEquals(List.of("http://ca.example.test/ca.crt"), at(doc, "tlswatch.x509.aia.ca_issuers"));
        assertEquals(false, at(doc, "tlswatch.x509.self_issued"));
        assertEquals(false, at(doc, "tlswatch.x509.self_signed"));
        assertEquals("sha1", at(doc, "tlswatch.x509.signature_hash"));
        assertEquals(true, at(doc, "tlswatch.x509.signature_hash_weak"));
        assertEquals("0102030405", at(doc, "tlswatch.x509.subject_key_id"));
        assertEquals("a1b2c3", at(doc, "tlswatch.x509.authority_key_id"));
        assertNull(at(doc, "tlswatch.x509.anomalies"));
        assertNull(at(doc, "tlswatch.x509.parse_error"));
    }

    @Test
    void ecKeyNamesItsCurveAndHasNoExponent() {
        Map<String, Object> doc = write(CertificateParser.parse(TestCertificateBuilder.ecP256().der()));

        assertEquals("EC", at(doc, "x509.public_key_algorithm"));
        assertEquals("secp256r1", at(doc, "x509.public_key_curve"));
        assertEquals(256L, at(doc, "x509.public_key_size"));
        assertNull(at(doc, "x509.public_key_exponent"));
        assertEquals(true, at(doc, "tlswatch.x509.self_signed"));
    }

    @Test
    void hostileStringsAreEscapedAndReadBackUnchanged() {
        String hostile = "\"},\"evil\":{\"x\":\"\\\n\u0000\u2028</script>😀";
        X500NameBuilder name = new X500NameBuilder()
                .addRDN(BCStyle.O, new DERUTF8String(hostile))
                .addRDN(BCStyle.CN, new DERBMPString("a\uD800b")); // lone surrogate: replaced, so the JSON is valid Unicode
        CertificateInfo info = CertificateParser.parse(TestCertificateBuilder.rsa().subject(name.build()).der());

        Map<String, Object> doc = write(info);

        assertEquals(List.of(hostile), at(doc, "x509.subject.organization"));
        assertEquals(List.of("a\uFFFDb"), at(doc, "x509.subject.common_name"));
        assertEquals(info.subject().distinguishedName(), at(doc, "x509.subject.distinguished_name"));
        assertNull(at(doc, "evil"));
        assertEquals(List.of("invalid_string_encoding"), at(doc, "tlswatch.x509.anomalies"));
    }

    @Test
    void realCertificateWithNulInItsOrganization() {
        CertificateInfo info = CorpusCertificatesTest.leaf("tls__tls-subject-zero__input-1.der");

        Map<String, Object> doc = write(info);

        assertEquals(List.of("Microsoft Corporat\u0000on"), at(doc, "x509.subject.organization"));
        assertEquals(3L, at(doc, "tlswatch.x509.sct_count"));
        assertEquals("8a3267a5b84ac65aae80953e708f2f9cda9e3098", at(doc, "hash.sha1"));
    }

    @Test
    void parseErrorDocumentHasOnlyTheHashesAndTheReason() {
        byte[] garbage = Hex.bytes("30 03 02 01 05");

        Map<String, Object> doc = write(CertificateParser.parse(garbage));

        assertEquals("not_a_certificate", at(doc, "tlswatch.x509.parse_error"));
        assertTrue(at(doc, "tlswatch.x509.parse_error_detail") instanceof String);
        assertEquals(hex("SHA-256", garbage), at(doc, "hash.sha256"));
        assertEquals("certificate", at(doc, "event.kind"));
        assertFalse(doc.containsKey("x509"));
        assertEquals(List.of("@timestamp", "event", "hash", "tlswatch"), List.copyOf(doc.keySet()));
    }

    @Test
    void timestampBeforeTheEpochIsStillIso8601() {
        Map<String, Object> doc = write(CertificateParser.parse(new byte[0]), -1L);

        assertEquals("1969-12-31T23:59:59.999999999Z", at(doc, "@timestamp"));
    }

    private static Map<String, Object> write(CertificateInfo info) {
        return write(info, FIRST_SEEN);
    }

    private static Map<String, Object> write(CertificateInfo info, long firstSeenNanos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
            new CertificateDocumentWriter().write(info, firstSeenNanos, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JsonTree.parse(out.toByteArray());
    }
}
