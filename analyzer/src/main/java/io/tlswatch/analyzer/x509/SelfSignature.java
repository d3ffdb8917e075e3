package io.tlswatch.analyzer.x509;

import java.security.Provider;
import java.util.Set;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.cert.CertException;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Whether a self-issued certificate's signature verifies with its own public key. Only keys whose
 * verification cost is small and bounded are tried: RSA within {@link CertificateLimits}, EC on
 * named curves, EdDSA. A hostile certificate with a huge modulus or exponent, or explicit curve
 * parameters (already flagged on the key), must not cost milliseconds to seconds of CPU each.
 */
final class SelfSignature {
    static {
        BouncyCastleSettings.apply();
    }

    private static final Set<String> VERIFIED_KEY_ALGORITHMS = Set.of("RSA", "RSASSA-PSS", "EC", "Ed25519", "Ed448");

    private SelfSignature() {
    }

    /** A private Bouncy Castle provider instance: verifies explicit-curve keys; never registered globally. */
    private static final class ProviderHolder {
        static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    }

    /** What checking the signature with the certificate's own key found. */
    enum Result {
        VALID,
        INVALID,
        /** The key's algorithm is one we verify, but the key itself could not be built. */
        UNUSABLE_KEY,
        /** Not tried: algorithm unknown to us, or a key beyond the verification limits. */
        NOT_CHECKED
    }

    static Result verify(Certificate certificate, PublicKeyInfo key) {
        if (!isCheckable(certificate, key)) {
            return Result.NOT_CHECKED;
        }
        X509CertificateHolder holder = new X509CertificateHolder(certificate);
        ContentVerifierProvider verifier;
        try {
            verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(ProviderHolder.BOUNCY_CASTLE)
                    .build(holder.getSubjectPublicKeyInfo());
        } catch (OperatorCreationException | RuntimeException unusableKey) { // see BouncyCastleFailures
            return Result.UNUSABLE_KEY;
        }
        try {
            return holder.isSignatureValid(verifier) ? Result.VALID : Result.INVALID;
        } catch (CertException | RuntimeException doesNotVerify) { // see BouncyCastleFailures
            return Result.INVALID;
        }
    }

    private static boolean isCheckable(Certificate certificate, PublicKeyInfo key) {
        if (!SignatureAlgorithms.isKnown(certificate.getSignatureAlgorithm())
                || !VERIFIED_KEY_ALGORITHMS.contains(key.algorithm()) || key.sizeBits() <= 0) {
            return false;
        }
        return switch (key.algorithm()) {
            case "RSA", "RSASSA-PSS" -> key.sizeBits() <= CertificateLimits.MAX_VERIFY_RSA_BITS
                    && key.exponent() != null; // an exponent beyond a long costs too much to verify with
            // explicit parameters make the provider build and validate a curve: ~10 ms each
            case "EC" -> !key.explicitCurveParameters();
            default -> true;
        };
    }
}
