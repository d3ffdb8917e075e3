package io.tlswatch.analyzer.x509;

/** Why a certificate's DER did not parse; its hashes are still known. */
public enum CertificateParseError {
    EMPTY("no bytes"),
    TOO_LARGE("DER larger than CertificateLimits.MAX_DER_BYTES: hashed, not decoded"),
    MALFORMED_DER("bytes are not one well-formed DER element (bad tag or length, trailing bytes,"
            + " or a BER indefinite length, which RFC 5280 section 4.1 forbids)"),
    TOO_DEEP("ASN.1 nesting deeper than CertificateLimits.MAX_DER_DEPTH"),
    NOT_A_CERTIFICATE("well-formed DER that is not an RFC 5280 Certificate"),
    DECODER_FAILURE("the ASN.1 decoder failed on this input in an unexpected way");

    private final String description;

    CertificateParseError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in documents, e.g. {@code not_a_certificate}. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
