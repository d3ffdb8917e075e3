package io.tlswatch.dashboards.live;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The dashboard's optional shared secret, read from a file (never from the command line, where
 * other users of the machine would see it in the process list). Presented tokens are compared in
 * constant time: both sides are hashed with SHA-256 first and the digests compared with
 * {@link MessageDigest#isEqual}, so neither the content nor the length of the secret leaks through
 * timing.
 */
public final class AccessToken {
    /** Shortest secret accepted: 16 characters. */
    public static final int MIN_LENGTH = 16;
    public static final int MAX_LENGTH = 1024;

    private final byte[] digest;

    private AccessToken(String secret) {
        this.digest = sha256(secret);
    }

    /** The secret in {@code file}: its first line, without surrounding blanks. */
    public static AccessToken fromFile(Path file) throws IOException {
        if (Files.size(file) > 64 * 1024) {
            throw new IOException(file + " is too large to be a token file");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        int end = text.indexOf('\n');
        return of(end < 0 ? text : text.substring(0, end).strip());
    }

    /** A token from its text; throws {@link IllegalArgumentException} when it is too short or too long to use. */
    public static AccessToken of(String secret) {
        if (secret.length() < MIN_LENGTH || secret.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the access token must be " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long");
        }
        return new AccessToken(secret);
    }

    /** Whether {@code presented} (may be null) is the secret. */
    public boolean matches(String presented) {
        if (presented == null || presented.length() > MAX_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
