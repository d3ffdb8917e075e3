package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.util.List;

/**
 * {@code copied-ca-name}: the chain climbs by names to a CA of the trust store, but a signature on
 * the way does not verify with the key of the CA it names. Nobody but a forger (or someone who
 * edited the certificate's bytes) makes such a certificate: it copies a public CA's name, or a
 * public intermediate's, so that the chain looks right to a person or a lax client.
 */
final class CopiedIssuerNameRule implements Rule {
    static final String ID = "copied-ca-name";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        ChainVerdict trust = in.trust();
        if (trust == null || !trust.failures().contains(ChainFailure.BAD_SIGNATURE) || trust.anchor() == null
                || !trust.anchor().inTrustStore()) {
            return;
        }
        String claimed = in.leaf().isParsed() ? in.leaf().issuer().distinguishedName() : trust.anchor().subject();
        out.add(Evidence.of()
                .put("claimed_issuer", claimed)
                .put("public_root", trust.anchor().subject())
                .put("public_root_sha256", trust.anchor().certificateSha256())
                .as(ID, Strength.DECISIVE, new Interceptor(InterceptorClass.UNKNOWN,
                        "forger using the name of " + claimed, null)));
    }
}
