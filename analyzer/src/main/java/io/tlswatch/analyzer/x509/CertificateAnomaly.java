package io.tlswatch.analyzer.x509;

import java.util.Locale;

/**
 * Something wrong or cut in a certificate that did parse. Parsing survives each of these; they are
 * recorded so that a user (or a detection rule) can see them.
 */
public enum CertificateAnomaly {
    NOT_STRICT_DER("re-encoding the parsed certificate as DER does not give the same bytes"),
    SIGNATURE_ALGORITHM_MISMATCH("the TBS signature algorithm differs from the outer one"
            + " (RFC 5280 section 4.1.1.2)"),
    SERIAL_NOT_POSITIVE("serial number is zero or negative (RFC 5280 section 4.1.2.2)"),
    SERIAL_TOO_LONG("serial number longer than 20 octets (RFC 5280 section 4.1.2.2)"),
    BAD_VALIDITY_TIME("notBefore or notAfter could not be decoded as a time"),
    INVALID_STRING_ENCODING("a string was not valid in its ASN.1 type (bad UTF-8 or UTF-32,"
            + " lone surrogate): undecodable parts were replaced by U+FFFD"),
    TEXT_TRUNCATED("a string was longer than the limit and was cut"),
    LIST_TRUNCATED("a list had more entries than the limit; the rest are counted, not kept"),
    MALFORMED_EXTENSION("an extension's value did not parse (its OID is listed)"),
    MALFORMED_SCT_LIST("the embedded SCT list extension is not a valid RFC 6962 list"),
    MALFORMED_PUBLIC_KEY("the subject public key could not be decoded for its algorithm"),
    SELF_SIGNATURE_NOT_CHECKED("self-issued, but the signature was not verified (unsupported"
            + " algorithm or a key beyond the verification limits)");

    private final String description;

    CertificateAnomaly(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in documents, e.g. {@code text_truncated}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
