package io.tlswatch.analyzer.x509;

/**
 * Settings of Bouncy Castle that tlswatch needs before any of its classes run, applied by the
 * x509 classes that reach Bouncy Castle (a user's own {@code -D} setting wins).
 *
 * <p>{@code org.bouncycastle.rsa.max_mr_tests = 0}: Bouncy Castle runs Miller-Rabin tests on every
 * RSA modulus it makes a public key of, to refuse prime moduli. That protects encryption, not the
 * verification of a signature, which is all tlswatch does with the keys it sees; and for a monitor
 * it is a cost an attacker controls (a 16384-bit modulus costs milliseconds per certificate). It was
 * half of the CPU time of a replay.
 */
public final class BouncyCastleSettings {
    private static final String MAX_MR_TESTS = "org.bouncycastle.rsa.max_mr_tests";

    static {
        if (System.getProperty(MAX_MR_TESTS) == null) {
            System.setProperty(MAX_MR_TESTS, "0");
        }
    }

    private BouncyCastleSettings() {
    }

    /** Makes sure the settings are in place (loading this class applies them, once). */
    public static void apply() {
        // the static initialiser did the work
    }
}
