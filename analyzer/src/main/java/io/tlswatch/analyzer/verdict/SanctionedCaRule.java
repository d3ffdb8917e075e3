package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.ChainVerdict;
import io.tlswatch.analyzer.x509.trust.PathAnchor;
import java.util.List;

/**
 * {@code sanctioned-ca}: the chain leads to a CA the user declared as their own TLS inspection
 * (an enterprise proxy root). The session is intercepted, and labelled {@code sanctioned} rather
 * than hidden: prevalence reports it apart from hostile interception.
 */
final class SanctionedCaRule implements Rule {
    static final String ID = "sanctioned-ca";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        ChainVerdict sanctioned = in.sanctioned();
        if (sanctioned == null || !sanctioned.anchoredInStore()) {
            return;
        }
        PathAnchor anchor = sanctioned.anchor();
        out.add(Evidence.of()
                .put("ca_subject", anchor.subject())
                .put("ca_sha256", anchor.certificateSha256())
                .put("ca_spki_sha256", anchor.spkiSha256())
                .as(ID, Strength.DECISIVE, new Interceptor(InterceptorClass.SANCTIONED, anchor.subject(),
                        "sanctioned-" + anchor.spkiSha256().substring(0, 16))));
    }
}
