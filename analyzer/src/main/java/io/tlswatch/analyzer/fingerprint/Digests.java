package io.tlswatch.analyzer.fingerprint;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The two hashes fingerprints print: MD5 (JA3, JA3S) and SHA-256 cut to 12 hex digits (JA4). */
final class Digests {
    /** What JA4 prints for a list with no values, instead of the hash of nothing. */
    static final String JA4_EMPTY = "000000000000";

    private static final int JA4_HASH_CHARS = 12;

    private Digests() {
    }

    /** Lower-case hex MD5 of the ASCII text. */
    static String md5Hex(String text) {
        return HexFormat.of().formatHex(digest("MD5", text));
    }

    /** The first 12 lower-case hex digits of SHA-256 of the text. */
    static String sha256Prefix(String text) {
        return HexFormat.of().formatHex(digest("SHA-256", text)).substring(0, JA4_HASH_CHARS);
    }

    private static byte[] digest(String algorithm, String text) {
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + algorithm, e);
        }
    }
}
