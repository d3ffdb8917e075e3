package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import java.util.List;

/**
 * {@code copied-ca-name}: the chain names a CA of the trust store as its issuer, but that CA's key
 * does not verify the signature. Nobody but a forger makes such a certificate: it copies a public
 * CA's name so that the chain looks right to a person or a lax client.
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
        String copied = trust.anchor().subject();
        out.add(Evidence.of()
                .put("copied_ca", copied)
                .put("copied_ca_sha256", trust.anchor().certificateSha256())
                .put("leaf_issuer", in.leaf().isParsed() ? in.leaf().issuer().distinguishedName() : null)
                .as(ID, Strength.DECISIVE, new Interceptor(InterceptorClass.UNKNOWN,
                        "forger using the name of " + copied, null)));
    }
}
