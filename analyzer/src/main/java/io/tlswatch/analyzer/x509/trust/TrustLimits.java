package io.tlswatch.analyzer.x509.trust;

/**
 * The bounds on what one chain or one trust bundle may cost. Chains come off the wire and are
 * hostile; every loop in this package stops at one of these, and the verdict says so when it did.
 */
public final class TrustLimits {
    /**
     * Most certificates of one Certificate message used to build a path (real chains hold 2 to 5);
     * the rest are ignored and counted ({@link ChainNote#CERTIFICATES_IGNORED}).
     */
    public static final int MAX_CHAIN_CERTIFICATES = 16;

    /**
     * Most signatures verified while building paths for one chain. Real chains need two to six
     * (cross-signed ones a few more). Each costs 0.2 ms (RSA-2048) to several ms (P-384 with Bouncy
     * Castle, and the largest RSA keys we accept), so a chain of certificates that all claim one
     * another as issuers buys at most this many.
     */
    public static final int MAX_SIGNATURE_CHECKS = 16;

    /** Most issuer candidates followed while searching paths for one chain. */
    public static final int MAX_SEARCH_STEPS = 48;

    /** Most complete paths kept for judging one chain (the best is chosen per capture time). */
    public static final int MAX_CANDIDATE_PATHS = 8;

    /** Largest PEM bundle read (Mozilla's store is about 220 KB). */
    public static final int MAX_PEM_BYTES = 16 * 1024 * 1024;

    /** Most PEM blocks read from one bundle; the rest are skipped with one entry saying so. */
    public static final int MAX_PEM_ENTRIES = 4096;

    /** Longest server name compared (RFC 1035 section 2.3.4: 253 characters in text form). */
    public static final int MAX_HOST_NAME_CHARS = 253;

    /** Decoded certificates a {@link ChainValidator} keeps, so shared intermediates decode once. */
    public static final int DECODED_CERTIFICATES = 1024;

    private TrustLimits() {
    }
}
