package io.tlswatch.analyzer.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.verdict.catalogue.CatalogueMatcher;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Rule and evidence ids are a contract: session documents, dashboards and users' queries name
 * them, so a rename must be a deliberate change of this list.
 */
class RuleIdsTest {

    @Test
    void everyRuleKeepsItsDocumentedId() {
        List<Rule> rules = List.of(new SanctionedCaRule(), new KnownInterceptorRule(new CatalogueMatcher(InterceptorCatalogue.empty())),
                new CopiedIssuerNameRule(), new NotaryRule(new SiteNotary(1)), new UntrustedChainRule(null),
                new MissingSctRule(Set.of()), new ProductClientHelloRule(InterceptionClientHellos.shipped(), false));

        assertEquals(List.of("sanctioned-ca", "known-interceptor", "copied-ca-name", "notary-disagreement",
                "untrusted-chain-accepted", "public-leaf-without-sct", "interception-product-clienthello"),
                rules.stream().map(Rule::id).toList());
    }

    @Test
    void evidenceIdsBeyondTheRuleIdsAreTheDocumentedOnes() {
        assertEquals(List.of("forged-copy", "self-signed-server", "issuer-fetchable", "untrusted-chain-rejected",
                "untrusted-chain", "public-chain-problem", "trust-store-newer-than-capture"),
                List.of(NotaryRule.FORGED_COPY, UntrustedChainRule.SELF_SIGNED, UntrustedChainRule.FETCHABLE,
                        UntrustedChainRule.REJECTED, UntrustedChainRule.UNKNOWN_ACCEPTANCE, UntrustedChainRule.PUBLIC_PROBLEM,
                        UntrustedChainRule.STALE_STORE));
    }
}
