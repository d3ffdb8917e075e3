package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code public-leaf-without-sct}: a publicly rooted leaf issued since Certificate Transparency
 * became mandatory, with no SCT embedded nor delivered in the handshake.
 */
class MissingSctVerdictTest {
    /** From the public CA, after 2018-05-01, never logged. */
    private static final Issued UNLOGGED = TestPki.serverLeaf(SITE).keys(VerdictPki.PROXY_LEAF_KEYS).issuedBy(PUBLIC_CA).build();

    private final VerdictEngine engine = judge().build();

    @Test
    void publicLeafIssuedAfterMay2018WithoutSctsIsSuspicious() {
        SessionVerdict v = engine.judge(visit(SITE, UNLOGGED, PUBLIC_CA));

        assertTrue(v.chain().trusted(), v.chain().toString());
        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(MissingSctRule.ID), v.rules());
        Map<String, String> facts = evidence(v, MissingSctRule.ID).facts();
        assertEquals(UNLOGGED.sha256(), facts.get("leaf_sha256"));
        assertEquals("2024-01-01T00:00:00Z", facts.get("not_before"));
        assertTrue(facts.get("issuer").contains("CN=tlswatch Test Public CA"), facts.toString());
        assertNull(v.interceptor(), "a missing SCT does not say who");
    }

    @Test
    void publicLeafWithEmbeddedSctsIsClean() {
        SessionVerdict v = engine.judge(visit(SITE, SITE_LEAF, PUBLIC_CA));

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
    }

    @Test
    void sctsDeliveredInTheServerHelloExtensionCount() {
        SessionVerdict v = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).chain(UNLOGGED, PUBLIC_CA)
                .sctsInServerHello().session());

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
    }

    @Test
    void stapledOcspResponseMayCarryTheSctsSoNothingIsSaid() {
        SessionVerdict v = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).chain(UNLOGGED, PUBLIC_CA)
                .ocspStapled(TestPki.ocspGood(UNLOGGED, PUBLIC_CA, TestPki.CAPTURE)).session());

        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
    }

    @Test
    void leafUnderARootTheUserAddedAsPrivateNeedNotBeLogged() {
        Issued privateRoot = TestPki.root("CN=Example Internal Root,O=Example,C=US", TestPki.ecKeys());
        Issued internal = TestPki.serverLeaf("intranet.example.com").keys(VerdictPki.SITE_KEYS).issuedBy(privateRoot).build();
        TrustStore withPrivate = VerdictPki.PUBLIC_STORE.withAdditionalRoots("internal",
                privateRoot.pem().getBytes(StandardCharsets.US_ASCII));
        VerdictEngine declared = VerdictEngine.builder(withPrivate, InterceptorCatalogue.shipped())
                .privateRoots(Set.of(privateRoot.sha256())).build();
        VerdictEngine undeclared = VerdictEngine.builder(withPrivate, InterceptorCatalogue.shipped())
                .build();

        SessionVerdict v = declared.judge(visit("intranet.example.com", internal));

        assertTrue(v.chain().trusted(), v.chain().toString());
        assertEquals(Verdict.CLEAN, v.verdict());
        assertEquals(List.of(), v.evidence());
        assertEquals(List.of(MissingSctRule.ID), undeclared.judge(visit("intranet.example.com", internal)).rules(),
                "the same root not declared private is held to the CT policy");
    }

    @Test
    void leafIssuedBeforeTheCtDeadlineNeedNotBeLogged() {
        Issued old = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA)
                .validity("2018-04-30T23:59:59Z", "2019-04-30T23:59:59Z").build();
        Issued first = TestPki.serverLeaf(SITE).keys(VerdictPki.SITE_KEYS).issuedBy(PUBLIC_CA)
                .validity("2018-05-01T00:00:00Z", "2019-05-01T00:00:00Z").build();
        Instant at = Instant.parse("2018-06-01T00:00:00Z");

        SessionVerdict before = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).at(at).chain(old, PUBLIC_CA).session());
        SessionVerdict on = engine.judge(ObservedHandshake.tls12(ClientHellos.firefox42(SITE)).at(at).chain(first, PUBLIC_CA).session());

        assertEquals(Verdict.CLEAN, before.verdict());
        assertEquals(List.of(MissingSctRule.ID), on.rules(), "the policy applies from 2018-05-01 itself");
    }
}
