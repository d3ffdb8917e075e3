package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Sessions whose certificate the sensor does not see (TLS 1.3 encrypts it, a resumed session sends
 * none): not observable, unless the ClientHello is an interception product's own and the sensor
 * sits upstream of such proxies ({@code interception-product-clienthello}).
 */
class HiddenChainVerdictTest {
    /** When zeek's tls__chrome-1250-tls-x25519-kyber.pcap was recorded (2024). */
    private static final Instant CHROME_125_CAPTURE = Instant.parse("2024-05-23T15:00:00Z");
    private static final String KASPERSKY = "Kaspersky Internet Security 2016";

    @Test
    void realTls13HandshakeHidesTheChainAndIsNotObservable() {
        TlsSession chrome = ObservedHandshake.replay("chrome125-client", "chrome125-server", CHROME_125_CAPTURE);

        SessionVerdict v = judge().build().judge(chrome);

        assertTrue(chrome.serverHello().selectsTls13());
        assertEquals(List.of(), chrome.serverChain());
        assertEquals(Verdict.NOT_OBSERVABLE, v.verdict());
        assertEquals(List.of(), v.evidence());
        assertNull(v.chain());
        assertNull(v.interceptor());
    }

    @Test
    void productsOwnHelloUpstreamOfProxiesIsSuspectedAndNamedByTheProduct() {
        TlsSession resumed = ObservedHandshake.resumedTls12(ClientHellos.product("kaspersky-internet-security-2016"), TestPki.CAPTURE);

        SessionVerdict v = judge().upstreamOfProxies(true).build().judge(resumed);

        assertTrue(resumed.resumed());
        assertTrue(resumed.established());
        assertEquals(List.of(), resumed.serverChain());
        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(new Interceptor(InterceptorClass.SECURITY_PRODUCT, KASPERSKY, null), v.interceptor());
        Evidence e = evidence(v, ProductClientHelloRule.ID);
        assertEquals(Strength.SUSPICIOUS, e.strength());
        Map<String, String> facts = e.facts();
        assertEquals(KASPERSKY, facts.get("product"));
        assertEquals("ja3 ja4", facts.get("matched_by"));
        assertTrue(facts.get("ja4").startsWith("t12"), facts.toString());
    }

    @Test
    void productsOwnHelloOnTheClientSideIsOnlyInformative() {
        TlsSession resumed = ObservedHandshake.resumedTls12(ClientHellos.product("kaspersky-internet-security-2016"), TestPki.CAPTURE);

        SessionVerdict v = judge().build().judge(resumed);

        assertEquals(Verdict.NOT_OBSERVABLE, v.verdict());
        assertEquals(List.of(ProductClientHelloRule.ID), v.rules());
        assertEquals(Strength.INFORMATIVE, evidence(v, ProductClientHelloRule.ID).strength());
        assertNull(v.interceptor());
    }

    @Test
    void productsHelloBeforeAPublicChainUpstreamOfProxiesIsStillSuspected() {
        TlsSession session = ObservedHandshake.tls12(
                ClientHellos.withServerName(ClientHellos.product("fortinet-fortigate"), SITE)).chain(SITE_LEAF, PUBLIC_CA).session();

        SessionVerdict v = judge().upstreamOfProxies(true).build().judge(session);

        assertTrue(v.chain().trusted(), v.chain().toString());
        assertEquals(Verdict.SUSPECTED, v.verdict());
        assertEquals(List.of(ProductClientHelloRule.ID), v.rules());
        assertEquals(new Interceptor(InterceptorClass.CORPORATE, "Fortinet FortiGate", null), v.interceptor());
    }

    @Test
    void browsersHelloInAResumedSessionIsNotObservableWithNoEvidence() {
        SessionVerdict v = judge().upstreamOfProxies(true).build()
                .judge(ObservedHandshake.resumedTls12(ClientHellos.firefox42(SITE), TestPki.CAPTURE));

        assertEquals(Verdict.NOT_OBSERVABLE, v.verdict());
        assertEquals(List.of(), v.evidence());
    }
}
