package io.tlswatch.analyzer.x509;

import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.output.DocumentKind;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes the certificate document ({@code event.kind=certificate}), one per distinct certificate,
 * as ECS JSON with Jackson's streaming generator (which escapes every certificate string).
 *
 * <p>Shape: {@code @timestamp} (when this run first saw the certificate), {@code event.kind},
 * the ECS {@code x509.*} fields, ECS {@code hash.sha1} / {@code hash.sha256} of the DER, and our
 * own fields under {@code tlswatch.x509.*} (ECS has none for them). Absent values and empty lists
 * are left out. A certificate that did not parse has only the hashes and
 * {@code tlswatch.x509.parse_error}. Stateless; the caller owns and flushes the generator.
 */
public final class CertificateDocumentWriter {
    /** The {@code event.kind} of certificate documents. */
    public static final String EVENT_KIND = "certificate";

    /**
     * Writes one complete JSON object for {@code info}.
     *
     * @param firstSeenNanos when this run first saw the certificate, nanoseconds since the epoch
     *     (packet time on replays)
     */
    public void write(CertificateInfo info, long firstSeenNanos, JsonGenerator g) throws IOException {
        write(info, firstSeenNanos, null, g);
    }

    /**
     * Writes one complete JSON object for {@code info}, with {@code observer.name} when
     * {@code sensor} is not null.
     */
    public void write(CertificateInfo info, long firstSeenNanos, String sensor, JsonGenerator g)
            throws IOException {
        g.writeStartObject();
        DocumentHeader.write(g, DocumentKind.CERTIFICATE, firstSeenNanos, sensor);
        if (info.isParsed()) {
            writeX509(info, g);
        }
        g.writeObjectFieldStart("hash");
        g.writeStringField("sha1", info.sha1());
        g.writeStringField("sha256", info.sha256());
        g.writeEndObject();
        g.writeObjectFieldStart("tlswatch");
        g.writeObjectFieldStart("x509");
        if (info.isParsed()) {
            writeOwnFields(info, g);
        } else {
            g.writeStringField("parse_error", info.parseError().id());
            optionalString(g, "parse_error_detail", info.parseErrorDetail());
        }
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeX509(CertificateInfo info, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("x509");
        g.writeStringField("version_number", Integer.toString(info.versionNumber()));
        g.writeStringField("serial_number", info.serialNumber());
        writeName("subject", info.subject(), g);
        writeName("issuer", info.issuer(), g);
        if (info.notBefore() != null) {
            g.writeStringField("not_before", DateTimeFormatter.ISO_INSTANT.format(info.notBefore()));
        }
        if (info.notAfter() != null) {
            g.writeStringField("not_after", DateTimeFormatter.ISO_INSTANT.format(info.notAfter()));
        }
        stringArray(g, "alternative_names", info.alternativeNames());
        PublicKeyInfo key = info.publicKey();
        g.writeStringField("public_key_algorithm", key.algorithm());
        if (key.sizeBits() > 0) {
            g.writeNumberField("public_key_size", key.sizeBits());
        }
        optionalString(g, "public_key_curve", key.curve());
        if (key.exponent() != null) {
            g.writeNumberField("public_key_exponent", key.exponent());
        }
        g.writeStringField("signature_algorithm", info.signatureAlgorithm().name());
        g.writeEndObject();
    }

    private static void writeName(String field, DistinguishedName name, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(field);
        g.writeStringField("distinguished_name", name.distinguishedName());
        stringArray(g, "common_name", name.commonNames());
        stringArray(g, "organization", name.organizations());
        stringArray(g, "organizational_unit", name.organizationalUnits());
        stringArray(g, "country", name.countries());
        stringArray(g, "locality", name.localities());
        stringArray(g, "state_or_province", name.statesOrProvinces());
        g.writeEndObject();
    }

    private static void writeOwnFields(CertificateInfo info, JsonGenerator g) throws IOException {
        g.writeStringField("spki_sha256", info.publicKey().spkiSha256());
        if (info.publicKey().explicitCurveParameters()) {
            g.writeBooleanField("public_key_explicit_curve", true);
        }
        g.writeNumberField("alternative_names_count", info.alternativeNameCount());
        if (info.caConstraints() != null) {
            g.writeObjectFieldStart("basic_constraints");
            g.writeBooleanField("ca", info.caConstraints().ca());
            if (info.caConstraints().pathLength() != null) {
                g.writeNumberField("path_len", info.caConstraints().pathLength());
            }
            g.writeEndObject();
        }
        stringArray(g, "key_usage", info.keyUsage());
        stringArray(g, "extended_key_usage", info.extendedKeyUsage());
        g.writeNumberField("sct_count", info.sctCount());
        if (!info.ocspUris().isEmpty() || !info.caIssuerUris().isEmpty()) {
            g.writeObjectFieldStart("aia");
            stringArray(g, "ocsp", info.ocspUris());
            stringArray(g, "ca_issuers", info.caIssuerUris());
            g.writeEndObject();
        }
        g.writeBooleanField("self_issued", info.selfIssued());
        g.writeBooleanField("self_signed", info.selfSigned());
        optionalString(g, "signature_hash", info.signatureAlgorithm().hash());
        g.writeBooleanField("signature_hash_weak", info.signatureAlgorithm().weakHash());
        optionalString(g, "subject_key_id", info.subjectKeyId());
        optionalString(g, "authority_key_id", info.authorityKeyId());
        stringArray(g, "unknown_critical_extensions", info.unknownCriticalExtensions());
        stringArray(g, "malformed_extensions", info.malformedExtensions());
        if (!info.anomalies().isEmpty()) {
            g.writeArrayFieldStart("anomalies");
            for (CertificateAnomaly anomaly : info.anomalies()) {
                g.writeString(anomaly.id());
            }
            g.writeEndArray();
        }
    }

    private static void stringArray(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    private static void optionalString(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
