package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.x509.BouncyCastleSettings;
import io.tlswatch.analyzer.x509.CertificateLimits;
import io.tlswatch.analyzer.x509.PublicKeyInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.security.Provider;
import java.util.Set;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentVerifier;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

/**
 * Whether an issuer's key verifies a certificate's signature (RFC 5280 section 6.1.3 (a)(1)), over
 * the tbsCertificate bytes as sent. Only keys whose verification cost is small and bounded are
 * used, as for the X.509 parser's self-signature check: RSA within
 * {@link CertificateLimits#MAX_VERIFY_RSA_BITS} with an exponent that fits a long, EC on named
 * curves, EdDSA. Anything else is {@link Result#NOT_CHECKED}, never a guess.
 */
final class SignatureCheck {
    static {
        BouncyCastleSettings.apply();
    }

    private static final Set<String> VERIFIED_KEY_ALGORITHMS = Set.of("RSA", "RSASSA-PSS", "EC", "Ed25519", "Ed448");

    /** What checking one signature found. */
    enum Result {
        VALID,
        INVALID,
        /** Not tried: an algorithm or key we do not verify, or one beyond the limits. */
        NOT_CHECKED
    }

    /** A certificate's key ready to verify with, or unusable (then every check is NOT_CHECKED). */
    record Verifier(ContentVerifierProvider provider) {
        static final Verifier UNUSABLE = new Verifier(null);
    }

    /** A private Bouncy Castle provider instance, never registered globally. */
    private static final class ProviderHolder {
        static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();
    }

    private SignatureCheck() {
    }

    /** Checks {@code child}'s signature with {@code issuer}'s key. Never throws for bad input. */
    static Result verify(ChainCertificate child, ChainCertificate issuer) {
        ContentVerifierProvider provider = issuer.verifier().provider();
        if (provider == null) {
            return Result.NOT_CHECKED;
        }
        Certificate certificate = child.certificate();
        if (!certificate.getSignatureAlgorithm().equals(certificate.getTBSCertificate().getSignature())) {
            return Result.INVALID; // RFC 5280 section 4.1.1.2: both fields must be the same
        }
        String needs = keyAlgorithmFor(certificate.getSignatureAlgorithm().getAlgorithm().getId());
        if (needs != null && !needs.equals(family(issuer.info().publicKey().algorithm()))) {
            return Result.INVALID; // an ECDSA signature under an RSA key (or the reverse) cannot verify
        }
        ContentVerifier verifier;
        try {
            verifier = provider.get(certificate.getSignatureAlgorithm());
        } catch (OperatorCreationException | RuntimeException unknownAlgorithm) { // see BouncyCastleFailures
            return Result.NOT_CHECKED;
        }
        try (OutputStream signed = verifier.getOutputStream()) {
            signed.write(child.der(), child.tbsOffset(), child.tbsLength());
            signed.flush();
            return verifier.verify(certificate.getSignature().getOctets()) ? Result.VALID : Result.INVALID;
        } catch (IOException | RuntimeException doesNotVerify) { // a malformed signature value, a key of the wrong type
            return Result.INVALID;
        }
    }

    /**
     * The kind of key a signature algorithm needs, by OID arc: PKCS #1 and RSASSA-PSS need RSA
     * (RFC 8017 appendix C, RFC 4055), ECDSA needs EC (RFC 5758 section 3.2), EdDSA its own curve
     * (RFC 8410 section 3); null for any other algorithm, which the provider then judges.
     */
    static String keyAlgorithmFor(String signatureOid) {
        if (signatureOid.startsWith("1.2.840.113549.1.1.") || signatureOid.equals("1.3.14.3.2.29")) {
            return "RSA";
        }
        if (signatureOid.startsWith("1.2.840.10045.4.")) {
            return "EC";
        }
        return switch (signatureOid) {
            case "1.3.101.112" -> "Ed25519";
            case "1.3.101.113" -> "Ed448";
            default -> null;
        };
    }

    /** An RSASSA-PSS key is an RSA key for this purpose. */
    private static String family(String keyAlgorithm) {
        return "RSASSA-PSS".equals(keyAlgorithm) ? "RSA" : keyAlgorithm;
    }

    /** The verifier for {@code certificate}'s key, or {@link Verifier#UNUSABLE}. */
    static Verifier verifierFor(ChainCertificate certificate) {
        if (!isVerifiable(certificate.info().publicKey())) {
            return Verifier.UNUSABLE;
        }
        try {
            return new Verifier(new JcaContentVerifierProviderBuilder()
                    .setProvider(ProviderHolder.BOUNCY_CASTLE)
                    .build(certificate.certificate().getSubjectPublicKeyInfo()));
        } catch (OperatorCreationException | RuntimeException unusableKey) { // see BouncyCastleFailures
            return Verifier.UNUSABLE;
        }
    }

    private static boolean isVerifiable(PublicKeyInfo key) {
        if (!VERIFIED_KEY_ALGORITHMS.contains(key.algorithm()) || key.sizeBits() <= 0) {
            return false;
        }
        return switch (key.algorithm()) {
            case "RSA", "RSASSA-PSS" -> key.sizeBits() <= CertificateLimits.MAX_VERIFY_RSA_BITS && key.exponent() != null;
            case "EC" -> !key.explicitCurveParameters(); // building an explicit curve costs ~10 ms
            default -> true;
        };
    }
}
