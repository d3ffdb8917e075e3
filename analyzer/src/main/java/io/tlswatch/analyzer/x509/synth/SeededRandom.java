package io.tlswatch.analyzer.x509.synth;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * Randomness that is a pure function of a seed and a label, for everything the synthetic PKI makes:
 * the SUN provider's {@code SHA1PRNG}, seeded once before its first use, has no other input (its
 * state is the SHA-1 of the seed and it never reseeds itself), so the same (seed, label) gives the
 * same bytes on every run and JVM. One label per thing made ("site-key/17"), so what is made does
 * not depend on the order in which it is asked for. Not for real keys.
 */
final class SeededRandom {
    private SeededRandom() {
    }

    static SecureRandom of(long seed, String label) {
        byte[] name = label.getBytes(StandardCharsets.UTF_8);
        byte[] material = ByteBuffer.allocate(Long.BYTES + name.length).putLong(seed).put(name).array();
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG", "SUN");
            random.setSeed(material);
            return random;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the SUN provider's SHA1PRNG is part of every JDK", e);
        }
    }
}
