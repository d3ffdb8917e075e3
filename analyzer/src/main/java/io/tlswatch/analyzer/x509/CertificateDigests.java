package io.tlswatch.analyzer.x509;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-1 and SHA-256 as lowercase hex, with one {@link MessageDigest} of each reused across calls.
 * Not thread-safe: one instance per thread (a {@link CertificateCache} owns one).
 */
final class CertificateDigests {
    private final MessageDigest sha1 = digest("SHA-1");
    private final MessageDigest sha256 = digest("SHA-256");

    String sha1Hex(byte[] buf, int offset, int length) {
        return hex(sha1, buf, offset, length);
    }

    String sha256Hex(byte[] buf, int offset, int length) {
        return hex(sha256, buf, offset, length);
    }

    private static String hex(MessageDigest digest, byte[] buf, int offset, int length) {
        digest.update(buf, offset, length);
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }
}
