package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.QAZNET_LIKE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.ObservedHandshake.Client;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code known-interceptor}: chains that hold a CA of the interceptor catalogue, by name (our own
 * look-alikes of real interception roots) and by hash (the real Kazakh roots, copied from
 * Chromium's blocklist into the test resources).
 */
class KnownInterceptorVerdictTest {
    private static final String QAZNET_ENTRY = "kz-qaznet-trust-network-2019";
    /** From Chromium's blocklist, which names each root by the SHA-256 of its DER (interceptors/README.md). */
    private static final String REAL_QAZNET_SHA256 = "00309c736dd661da6f1eb24173aa849944c168a43a15bffd192eecfdb6f8dbd2";
    private static final String REAL_ISCA_SHA256 = "c530fadc9bfa265e63b755cc6ee04c2d70d60bb916ce2f331dc7359362571b25";

    private final VerdictEngine engine = judge().build();

    @Test
    void forgedLeafUnderQaznetLookAlikeIsInterceptedByKazakhGovernmentNamingTheIssuerField() {
        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(QAZNET_LIKE, SITE), QAZNET_LIKE));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(InterceptorClass.GOVERNMENT, v.interceptor().interceptorClass());
        assertEquals(QAZNET_ENTRY, v.interceptor().id());
        assertEquals(KnownInterceptorRule.ID, v.rules().get(0));
        Map<String, String> facts = evidence(v, KnownInterceptorRule.ID).facts();
        assertEquals(QAZNET_ENTRY, facts.get("catalogue_id"));
        assertEquals("issuer", facts.get("field"), "the leaf's issuer is the first certificate field that matched");
        assertEquals("0", facts.get("certificate_index"));
        assertTrue(facts.get("value").contains("Qaznet Trust Network"), facts.toString());
        assertEquals("CN=Qaznet Trust Network, C=KZ", facts.get("pattern"));
        assertEquals("false", facts.get("publicly_trusted_chain"));
        assertEquals(Strength.DECISIVE, evidence(v, KnownInterceptorRule.ID).strength());
    }

    @Test
    void forgeryIsInterceptionEvenWhenTheClientRejectedItAndTheRootWasNotSent() {
        SessionVerdict v = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE))
                .chain(forgedLeaf(QAZNET_LIKE, SITE)).client(Client.REJECTS).session());

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(QAZNET_ENTRY, v.interceptor().id());
        assertEquals("issuer", evidence(v, KnownInterceptorRule.ID).facts().get("field"));
    }

    @Test
    void realQaznetRootInTheChainIsDecisiveByItsHashWhateverNameTheLeafGivesItsIssuer() {
        Issued realRoot = RealRoots.kazakh("qaznet-trust-network-2016.pem");
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.PROXY_LEAF_KEYS)
                .claimsIssuer(TestPki.name("CN=Ordinary Issuing CA,O=Nothing To See,C=US"), TestPki.ecKeys()).build();

        SessionVerdict v = engine.judge(visit(SITE, leaf, realRoot));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(QAZNET_ENTRY, v.interceptor().id());
        Map<String, String> facts = evidence(v, KnownInterceptorRule.ID).facts();
        assertEquals("cert_sha256", facts.get("field"));
        assertEquals("1", facts.get("certificate_index"));
        assertEquals(REAL_QAZNET_SHA256, facts.get("certificate_sha256"));
        assertEquals(REAL_QAZNET_SHA256, realRoot.sha256(), "the copy is Chromium's blocked root");
    }

    @Test
    void realIscaRootIsTheKazakhIscaEntryByHash() {
        Issued realRoot = RealRoots.kazakh("isca-kz-2020-e-2050.pem");

        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), realRoot));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(InterceptorClass.GOVERNMENT, v.interceptor().interceptorClass());
        assertEquals("kz-isca-2020", v.interceptor().id());
        assertEquals(REAL_ISCA_SHA256, evidence(v, KnownInterceptorRule.ID).facts().get("certificate_sha256"));
    }

    /** Names can be chosen by anyone: a public CA that merely bears an interceptor's name is a suspicion, not proof. */
    @Test
    void interceptorNameOnAPubliclyTrustedChainIsOnlySuspicious() {
        Issued kazakhNamedPublicCa = TestPki.intermediate("CN=Security Certificate,C=KZ", TestPki.ecKeys(), PUBLIC_ROOT);
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(kazakhNamedPublicCa)
                .withEmbeddedScts().build();

        SessionVerdict v = engine.judge(visit(SITE, leaf, kazakhNamedPublicCa));

        assertTrue(v.chain().trusted(), v.chain().toString());
        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(QAZNET_ENTRY, v.interceptor().id());
        Evidence e = evidence(v, KnownInterceptorRule.ID);
        assertEquals(Strength.SUSPICIOUS, e.strength());
        assertEquals("true", e.facts().get("publicly_trusted_chain"));
    }

    @Test
    void usersCatalogueEntryNamesTheCorporateProxyAsCorporate() {
        VerdictEngine withEntry = VerdictEngine.builder(VerdictPki.PUBLIC_STORE, VerdictPki.withCorporateEntry()).build();

        SessionVerdict v = withEntry.judge(visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(new Interceptor(InterceptorClass.CORPORATE, "Example Corp TLS inspection", "example-corp-inspection"),
                v.interceptor());
        assertEquals(Strength.DECISIVE, evidence(v, KnownInterceptorRule.ID).strength());
    }

    @Test
    void oneBrokenByteInTheLookAlikesNameMatchesNoEntry() {
        Issued qaznat = TestPki.root("CN=Qaznat Trust Network,C=KZ", TestPki.ecKeys());

        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(qaznat, SITE), qaznat));

        assertFalse(v.rules().contains(KnownInterceptorRule.ID), v.rules().toString());
        assertEquals(Verdict.SUSPECTED, v.verdict(), "still an untrusted chain the client accepted");
        assertEquals(InterceptorClass.UNKNOWN, v.interceptor().interceptorClass());
    }
}
