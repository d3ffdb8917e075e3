package io.tlswatch.analyzer.verdict.catalogue;

/**
 * The bounds on what a catalogue file and one chain may cost. Catalogue files come from users and
 * chains from the wire; every loop in this package stops at one of these.
 */
public final class CatalogueLimits {
    /** Largest catalogue file read (the shipped one is about 20 KB). */
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    /** Longest line of a catalogue file. */
    public static final int MAX_LINE_CHARS = 4096;

    /** Most entries one catalogue file may define. */
    public static final int MAX_ENTRIES_PER_FILE = 4096;

    /** Most values (hashes, name patterns, sources) one entry may hold. */
    public static final int MAX_VALUES_PER_ENTRY = 256;

    /** Longest id ({@code [a-z0-9]} words joined by single hyphens). */
    public static final int MAX_ID_CHARS = 64;

    /** Longest name pattern, as written. */
    public static final int MAX_PATTERN_CHARS = 512;

    /**
     * Fewest literal (non-wildcard) characters a glob must hold: a pattern such as {@code O=*} or
     * {@code CN=A*} would flag half the Internet.
     */
    public static final int MIN_GLOB_LITERAL_CHARS = 4;

    /**
     * Most certificates of one chain examined (as {@code TrustLimits.MAX_CHAIN_CERTIFICATES}: real
     * chains hold 2 to 5); the rest are ignored and {@link ChainMatches#certificatesIgnored()} says
     * how many.
     */
    public static final int MAX_CHAIN_CERTIFICATES = 16;

    private CatalogueLimits() {
    }
}
