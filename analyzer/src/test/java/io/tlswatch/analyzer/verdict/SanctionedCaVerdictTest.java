package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code sanctioned-ca}: the user declares the CA of their own TLS inspection, and its sessions are
 * reported as sanctioned interception rather than hidden or blamed on an unknown forger.
 */
class SanctionedCaVerdictTest {
    private final VerdictEngine engine = judge().sanctionedCas(TestPki.storeOf(CORPORATE_ROOT)).build();

    @Test
    void chainUnderTheDeclaredCaIsInterceptionLabelledSanctioned() {
        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(InterceptorClass.SANCTIONED, v.interceptor().interceptorClass());
        assertTrue(v.interceptor().name().contains("CN=Example Corp TLS Inspection CA"), v.interceptor().name());
        assertEquals("sanctioned-" + CORPORATE_ROOT.spkiSha256().substring(0, 16), v.interceptor().id());
        Map<String, String> facts = evidence(v, SanctionedCaRule.ID).facts();
        assertEquals(CORPORATE_ROOT.sha256(), facts.get("ca_sha256"));
        assertEquals(CORPORATE_ROOT.spkiSha256(), facts.get("ca_spki_sha256"));
        assertEquals(Strength.DECISIVE, evidence(v, SanctionedCaRule.ID).strength());
    }

    @Test
    void proxyLeafAloneWithoutTheRootIsStillSanctioned() {
        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE)));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(InterceptorClass.SANCTIONED, v.interceptor().interceptorClass());
    }

    @Test
    void sanctionedWinsOverACatalogueEntryThatAlsoNamesTheCa() {
        VerdictEngine both = VerdictEngine.builder(VerdictPki.PUBLIC_STORE, VerdictPki.withCorporateEntry())
                .sanctionedCas(TestPki.storeOf(CORPORATE_ROOT)).build();

        SessionVerdict v = both.judge(visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(Strength.DECISIVE, evidence(v, KnownInterceptorRule.ID).strength());
        assertEquals(InterceptorClass.SANCTIONED, v.interceptor().interceptorClass());
    }

    @Test
    void publicSiteIsUntouchedByADeclaredCa() {
        SessionVerdict v = engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
        assertNull(v.interceptor());
    }
}
