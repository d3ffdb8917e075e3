package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.QAZNET_LIKE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.ObservedHandshake.Client;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the engine combines the rules' evidence into one verdict and one interceptor: the strongest
 * evidence decides, decisive first; the interceptor is a sanctioned CA if any, else the first one
 * named among the strongest evidence.
 */
class VerdictCombinationTest {
    private final VerdictEngine engine = judge().build();

    @Test
    void decisiveEvidenceBeatsSuspiciousAndNamesTheInterceptor() {
        SessionVerdict v = engine.judge(visit(SITE, forgedLeaf(QAZNET_LIKE, SITE), QAZNET_LIKE));

        assertEquals(Verdict.INTERCEPTED, v.verdict());
        assertEquals(List.of(KnownInterceptorRule.ID, UntrustedChainRule.ACCEPTED), v.rules());
        assertEquals(List.of(Strength.DECISIVE, Strength.SUSPICIOUS), strengths(v));
        assertEquals("kz-qaznet-trust-network-2019", v.interceptor().id(), "not the unknown CA the suspicion names");
    }

    @Test
    void evidenceIsListedStrongestFirstWhateverTheOrderOfTheRules() {
        Issued expiredUnlogged = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA)
                .validity("2023-01-01T00:00:00Z", "2024-01-01T00:00:00Z").build();

        SessionVerdict v = engine.judge(visit(SITE, expiredUnlogged, PUBLIC_CA));

        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(MissingSctRule.ID, UntrustedChainRule.PUBLIC_PROBLEM), v.rules());
        assertEquals(List.of(Strength.SUSPICIOUS, Strength.INFORMATIVE), strengths(v));
    }

    @Test
    void informativeEvidenceAloneLeavesASeenChainClean() {
        Issued device = TestPki.serverLeaf("nas.example.net").keys(TestPki.ecKeys()).build();

        SessionVerdict v = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42("nas.example.net")).chain(device)
                .client(Client.REJECTS).session());

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(Strength.INFORMATIVE), strengths(v));
        assertNull(v.interceptor());
    }

    @Test
    void publicSiteWithNothingToSayIsCleanWithNoEvidence() {
        SessionVerdict v = engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
        assertNull(v.interceptor());
        assertTrue(v.chain().trusted());
    }

    /** The Kazakh forger copied sites' certificates: the catalogue entry comes first among two decisive names. */
    @Test
    void firstNamedAmongDecisiveEvidenceIsTheInterceptor() {
        BigInteger serial = new BigInteger("0a1b2c3d4e5f60718293a4b5c6d7e8f9", 16);
        Issued site = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts()
                .serial(serial).build();
        Issued copy = TestPki.certificate(site.subject()).serverLeaf().dns(SITE).keys(VerdictPki.PROXY_LEAF_KEYS)
                .issuedBy(QAZNET_LIKE).serial(serial.add(BigInteger.valueOf(0x1234))).build();

        engine.judge(visit(SITE, site, PUBLIC_CA));
        SessionVerdict v = engine.judge(visit(SITE, copy, QAZNET_LIKE));

        assertEquals(List.of(KnownInterceptorRule.ID, NotaryRule.FORGED_COPY, UntrustedChainRule.ACCEPTED), v.rules());
        assertEquals(InterceptorClass.GOVERNMENT, v.interceptor().interceptorClass());
        assertEquals("kz-qaznet-trust-network-2019", v.interceptor().id());
    }

    @Test
    void firstNamedAmongSuspiciousEvidenceIsTheInterceptor() {
        byte[] kasperskyForTheSite = ClientHellos.withServerName(ClientHellos.product("kaspersky-internet-security-2016"), SITE);

        SessionVerdict v = judge().upstreamOfProxies(true).build().judge(ObservedHandshake.tls12(kasperskyForTheSite)
                .chain(forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT).session());

        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(UntrustedChainRule.ACCEPTED, ProductClientHelloRule.ID), v.rules());
        assertTrue(v.interceptor().name().contains("CN=Example Corp TLS Inspection CA"), v.interceptor().name());
    }

    @Test
    void weakerEvidenceNamesNobodyWhenTheStrongestNamesNobody() {
        byte[] kasperskyForTheSite = ClientHellos.withServerName(ClientHellos.product("kaspersky-internet-security-2016"), SITE);
        Issued reissued = TestPki.certificate(SITE_LEAF.subject()).serverLeaf().dns(SITE, "example.com")
                .keys(VerdictPki.PROXY_LEAF_KEYS).issuedBy(CORPORATE_ROOT).validity("2024-05-31T17:42:05Z", "2024-08-29T17:42:05Z")
                .build();

        engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));
        SessionVerdict v = engine.judge(ObservedHandshake.tls12(kasperskyForTheSite).chain(reissued, CORPORATE_ROOT)
                .client(Client.REJECTS).session());

        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(NotaryRule.DISAGREEMENT, UntrustedChainRule.REJECTED, ProductClientHelloRule.ID), v.rules());
        assertNull(v.interceptor(), "the informative product match does not name the suspicion's interceptor");
    }

    private static List<Strength> strengths(SessionVerdict v) {
        return v.evidence().stream().map(Evidence::strength).toList();
    }
}
