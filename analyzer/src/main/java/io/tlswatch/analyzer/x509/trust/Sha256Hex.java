package io.tlswatch.analyzer.x509.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of certificate DER as lowercase hex, with one reused digest: one instance per thread. */
final class Sha256Hex {
    private final MessageDigest digest;

    Sha256Hex() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    String of(byte[] bytes) {
        return HexFormat.of().formatHex(digest.digest(bytes));
    }
}
