package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.CatalogueMatch;
import io.tlswatch.analyzer.verdict.catalogue.CatalogueMatcher;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorEntry;
import io.tlswatch.analyzer.verdict.catalogue.MatchEvidence;
import io.tlswatch.analyzer.verdict.catalogue.MatchedField;
import java.util.List;

/**
 * {@code known-interceptor}: a certificate of the chain is in the interceptor catalogue. A match
 * by certificate or key hash is decisive. A match by name alone is decisive unless the chain is
 * publicly trusted: a public CA that merely shares a name pattern with an interceptor is
 * suspicious, not proof (names can be chosen by anyone; keys cannot).
 */
final class KnownInterceptorRule implements Rule {
    static final String ID = "known-interceptor";

    private final CatalogueMatcher matcher;

    KnownInterceptorRule(CatalogueMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        if (!in.chainSeen()) {
            return;
        }
        boolean publiclyTrusted = in.trust() != null && in.trust().anchoredInStore();
        for (CatalogueMatch match : matcher.match(in.chain()).matches()) {
            InterceptorEntry entry = match.entry();
            MatchEvidence first = match.evidence().get(0);
            boolean byKey = match.evidence().stream().anyMatch(e -> e.field() == MatchedField.CERT_SHA256
                    || e.field() == MatchedField.SPKI_SHA256);
            Strength strength = byKey || !publiclyTrusted ? Strength.DECISIVE : Strength.SUSPICIOUS;
            out.add(Evidence.of()
                    .put("catalogue_id", entry.id())
                    .put("certificate_index", first.chainIndex())
                    .put("certificate_sha256", first.certificateSha256())
                    .put("field", first.field().jsonName())
                    .put("value", first.value())
                    .put("pattern", first.pattern())
                    .put("publicly_trusted_chain", publiclyTrusted)
                    .as(ID, strength, new Interceptor(entry.interceptorClass(), entry.name(), entry.id())));
        }
    }
}
