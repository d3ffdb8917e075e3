package io.tlswatch.analyzer.x509;

/**
 * The bounds on what a certificate may cost us. Certificate contents are attacker-controlled, so
 * each string, list and work item has a ceiling here; when one is hit the value is cut and a
 * {@link CertificateAnomaly} says so.
 */
public final class CertificateLimits {
    /**
     * Largest DER we hand to the ASN.1 decoder. Certificates with hundreds of SANs stay well under
     * 64 KiB; a larger blob is still hashed (so it can be matched by SHA-256) but not decoded.
     */
    public static final int MAX_DER_BYTES = 256 * 1024;

    /**
     * Deepest ASN.1 nesting we accept (a certificate nests about ten levels). Bouncy Castle decodes
     * recursively, so this bound is what keeps a hostile, deeply nested DER from overflowing the
     * stack.
     */
    public static final int MAX_DER_DEPTH = 32;

    /** Longest string kept from a certificate (names, SANs, URIs), in UTF-16 chars. */
    public static final int MAX_TEXT_CHARS = 1024;

    /** Longest distinguished-name string kept, in UTF-16 chars. */
    public static final int MAX_DN_CHARS = 4096;

    /** Most values kept per name attribute (common_name, organization, ...). */
    public static final int MAX_VALUES_PER_ATTRIBUTE = 16;

    /** Most subject alternative names kept (all are counted). */
    public static final int MAX_ALTERNATIVE_NAMES = 256;

    /** Most entries kept in the other lists (extended key usages, AIA URIs, extension OIDs). */
    public static final int MAX_LIST_ENTRIES = 32;

    /** Most serial-number and key-identifier bytes kept (RFC 5280 allows 20 for serials). */
    public static final int MAX_IDENTIFIER_BYTES = 64;

    /**
     * Largest RSA modulus whose signature we verify for {@code self_signed}. The exponent must
     * also fit a long (real keys use 65537): verification cost grows with both.
     */
    public static final int MAX_VERIFY_RSA_BITS = 16384;

    private CertificateLimits() {
    }
}
