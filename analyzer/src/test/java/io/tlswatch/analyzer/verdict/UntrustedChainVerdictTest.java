package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.ObservedHandshake.Client;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Chains that do not lead to the trust store, and publicly rooted chains with a fault: which are
 * suspicions of interception and which are a server's mistake, a device, or an old capture.
 */
class UntrustedChainVerdictTest {
    private static final String CORPORATE_CA = "Example Corp TLS Inspection CA";

    private final VerdictEngine engine = judge().build();

    private static TlsSession proxied(Client client) {
        return ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).chain(forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT)
                .client(client).session();
    }

    @Test
    void corporateProxyTheClientAcceptedIsSuspectedAndNamedByItsCa() {
        SessionVerdict v = engine.judge(proxied(Client.ACCEPTS));

        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(UntrustedChainRule.ACCEPTED), v.rules());
        assertEquals(InterceptorClass.UNKNOWN, v.interceptor().interceptorClass());
        assertTrue(v.interceptor().name().contains("CN=" + CORPORATE_CA), v.interceptor().name());
        assertNull(v.interceptor().id(), "no catalogue entry");
        Map<String, String> facts = evidence(v, UntrustedChainRule.ACCEPTED).facts();
        assertEquals(v.interceptor().name(), facts.get("issuing_ca"));
        assertEquals("untrusted_root", facts.get("failures"));
        assertEquals("true", facts.get("client_accepted"));
    }

    @Test
    void corporateProxyTheClientRejectedIsNotSuspected() {
        SessionVerdict v = engine.judge(proxied(Client.REJECTS));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertNull(v.interceptor());
        Evidence e = evidence(v, UntrustedChainRule.REJECTED);
        assertEquals(Strength.INFORMATIVE, e.strength());
        assertEquals("false", e.facts().get("client_accepted"));
    }

    @Test
    void corporateProxyWhoseClientWasNotSeenGoingOnIsOnlyAnUntrustedChain() {
        SessionVerdict v = engine.judge(proxied(Client.UNSEEN));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.UNKNOWN_ACCEPTANCE), v.rules());
        assertEquals(Strength.INFORMATIVE, evidence(v, UntrustedChainRule.UNKNOWN_ACCEPTANCE).strength());
        assertNull(evidence(v, UntrustedChainRule.UNKNOWN_ACCEPTANCE).facts().get("client_accepted"));
    }

    @Test
    void missingIntermediateWithAiaCaIssuersIsAServersMistake() {
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .caIssuers("http://ca.example.net/public-ca.der").build();

        SessionVerdict v = engine.judge(visit(SITE, leaf));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.FETCHABLE), v.rules());
        Map<String, String> facts = evidence(v, UntrustedChainRule.FETCHABLE).facts();
        assertEquals("http://ca.example.net/public-ca.der", facts.get("ca_issuers"));
        assertTrue(facts.get("missing_issuer").contains("CN=tlswatch Test Public CA"), facts.toString());
        assertTrue(v.chain().failures().contains(ChainFailure.UNKNOWN_ISSUER), v.chain().toString());
    }

    @Test
    void missingIssuerWithoutAiaThatTheClientAcceptedIsSuspectedAndNamedByTheMissingIssuer() {
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts().build();

        SessionVerdict v = engine.judge(visit(SITE, leaf));

        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(UntrustedChainRule.ACCEPTED), v.rules());
        assertTrue(v.interceptor().name().contains("CN=tlswatch Test Public CA"), v.interceptor().name());
    }

    @Test
    void expiredPubliclyRootedChainIsAServersMistake() {
        Issued expired = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .validity("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z").build();

        SessionVerdict v = engine.judge(visit(SITE, expired, PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.PUBLIC_PROBLEM), v.rules());
        assertEquals("expired", evidence(v, UntrustedChainRule.PUBLIC_PROBLEM).facts().get("failures"));
    }

    @Test
    void wildcardOneLabelDeepDoesNotCoverTwoAndIsAServersMistake() {
        Issued wildcard = VerdictPki.publicLeaf("*.example.com");

        SessionVerdict v = engine.judge(visit("a.b.example.com", wildcard, PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.PUBLIC_PROBLEM), v.rules());
        assertEquals("name_mismatch", evidence(v, UntrustedChainRule.PUBLIC_PROBLEM).facts().get("failures"));
        assertTrue(v.chain().failures().contains(ChainFailure.NAME_MISMATCH));
    }

    @Test
    void sameWildcardLeafForOneLabelIsCleanWithNoEvidence() {
        SessionVerdict v = engine.judge(visit("a.example.com", VerdictPki.publicLeaf("*.example.com"), PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
        assertTrue(v.chain().trusted(), v.chain().toString());
    }

    @Test
    void selfSignedDeviceCertificateTheClientAcceptedIsNotInterception() {
        Issued device = TestPki.serverLeaf("nas.example.net").keys(TestPki.ecKeys()).build();

        SessionVerdict v = engine.judge(visit("nas.example.net", device));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(UntrustedChainRule.SELF_SIGNED), v.rules());
        Map<String, String> facts = evidence(v, UntrustedChainRule.SELF_SIGNED).facts();
        assertTrue(facts.get("subject").contains("CN=nas.example.net"), facts.toString());
        assertEquals("true", facts.get("client_accepted"));
        assertNull(v.interceptor());
    }

    /**
     * A capture two years older than the trust store's roots: its chain may end at a public root
     * removed since, so an untrusted chain proves nothing. The same chain captured within the year
     * before the store's date, or judged without a store date, is a suspicion again.
     */
    @Test
    void untrustedChainInACaptureOlderThanTheTrustStoreByMoreThanAYearProvesNothing() {
        Instant storeDate = TrustStore.mozillaSnapshotDate().atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant twoYearsBefore = storeDate.minus(Duration.ofDays(730));
        Instant halfAYearBefore = storeDate.minus(Duration.ofDays(180));
        Issued removedRoot = TestPki.certificate("CN=Old Public Root 2,O=Old Trust Services,C=US").keys(TestPki.ecKeys())
                .ca(null).validity(storeDate.minus(Duration.ofDays(3650)), storeDate.plus(Duration.ofDays(3650))).build();
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(removedRoot)
                .validity(twoYearsBefore.minus(Duration.ofDays(30)), halfAYearBefore.plus(Duration.ofDays(30))).build();
        VerdictEngine dated = judge().trustStoreDate(storeDate).build();

        SessionVerdict old = dated.judge(capturedAt(twoYearsBefore, leaf, removedRoot));
        SessionVerdict recent = dated.judge(capturedAt(halfAYearBefore, leaf, removedRoot));
        SessionVerdict undated = engine.judge(capturedAt(twoYearsBefore, leaf, removedRoot));

        assertEquals(Verdict.CLEAN, old.verdict());
        assertEquals(List.of(UntrustedChainRule.STALE_STORE), old.rules());
        Map<String, String> facts = evidence(old, UntrustedChainRule.STALE_STORE).facts();
        assertEquals(twoYearsBefore.toString(), facts.get("capture_time"));
        assertEquals(storeDate.toString(), facts.get("trust_store_as_of"));
        assertEquals(Verdict.SUSPECTED, recent.verdict());
        assertEquals(List.of(UntrustedChainRule.ACCEPTED), recent.rules());
        assertEquals(Verdict.SUSPECTED, undated.verdict(), "no store date: judged as usual");
    }

    private static TlsSession capturedAt(Instant at, Issued... chain) {
        return ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).at(at).chain(chain).session();
    }
}
