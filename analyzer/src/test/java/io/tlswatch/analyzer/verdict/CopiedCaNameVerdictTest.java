package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.evidence;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.trust.ChainFailure;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code copied-ca-name}: a chain that names a root of the Mozilla store as its issuer, byte for
 * byte, but was signed with another key.
 */
class CopiedCaNameVerdictTest {
    /** Let's Encrypt's root, as the snapshot that ships with tlswatch holds it. */
    private static final Issued ISRG_ROOT_X1 = RealRoots.mozilla("CN=ISRG Root X1,");

    private final VerdictEngine engine = judge().build();

    @Test
    void leafClaimingAMozillaRootAsIssuerButSignedWithAnotherKeyIsIntercepted() {
        Issued forged = TestPki.serverLeaf(SITE).keys(VerdictPki.PROXY_LEAF_KEYS)
                .claimsIssuer(ISRG_ROOT_X1.subject(), TestPki.ecKeys()).build();

        SessionVerdict v = engine.judge(visit(SITE, forged));

        assertEquals(Verdict.INTERCEPTED, v.verdict(), v.chain() + " " + v.evidence());
        assertTrue(v.chain().failures().contains(ChainFailure.BAD_SIGNATURE), v.chain().toString());
        assertEquals(CopiedIssuerNameRule.ID, v.rules().get(0));
        Map<String, String> facts = evidence(v, CopiedIssuerNameRule.ID).facts();
        assertEquals(ISRG_ROOT_X1.sha256(), facts.get("public_root_sha256"));
        assertTrue(facts.get("public_root").contains("CN=ISRG Root X1"), facts.toString());
        assertEquals(facts.get("public_root"), facts.get("claimed_issuer"), "the leaf claims the root itself");
        assertEquals(InterceptorClass.UNKNOWN, v.interceptor().interceptorClass());
        assertTrue(v.interceptor().name().contains("ISRG Root X1"), v.interceptor().name());
    }

    @Test
    void intermediateClaimingAMozillaRootAsIssuerIsInterceptedToo() {
        Issued fakeIntermediate = TestPki.certificate("CN=R3,O=Let's Encrypt,C=US").keys(TestPki.ecKeys()).ca(null)
                .claimsIssuer(ISRG_ROOT_X1.subject(), TestPki.ecKeys()).validity("2020-09-04T00:00:00Z", "2025-09-15T16:00:00Z")
                .build();
        Issued leaf = TestPki.serverLeaf(SITE).keys(VerdictPki.PROXY_LEAF_KEYS).issuedBy(fakeIntermediate).build();

        SessionVerdict v = engine.judge(visit(SITE, leaf, fakeIntermediate));

        assertEquals(Verdict.INTERCEPTED, v.verdict(), v.chain() + " " + v.evidence());
        Map<String, String> facts = evidence(v, CopiedIssuerNameRule.ID).facts();
        assertEquals(ISRG_ROOT_X1.sha256(), facts.get("public_root_sha256"));
        assertEquals("CN=R3,O=Let's Encrypt,C=US", facts.get("claimed_issuer"), "the leaf claims the fake intermediate");
    }
}
