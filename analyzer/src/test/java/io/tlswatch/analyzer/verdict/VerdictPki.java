package io.tlswatch.analyzer.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.verdict.catalogue.CatalogueException;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;

/**
 * What the verdict tests share: a CA that the judge's trust store holds beside the real Mozilla
 * roots, as if it were public, and a site it certifies the way public CAs do (with embedded SCTs);
 * interception CAs of the kinds the rules tell apart; and the judge with that store and the
 * shipped catalogue. EC keys, made once per JVM.
 */
final class VerdictPki {
    static final String SITE = "www.example.com";

    /** A public root and issuing CA as long-lived as real ones: valid 2015 to 2035. */
    static final Issued PUBLIC_ROOT = TestPki.certificate("CN=tlswatch Test Public Root,O=tlswatch tests,C=US")
            .keys(TestPki.ecKeys()).ca(null).validity("2015-01-01T00:00:00Z", "2035-01-01T00:00:00Z").build();
    static final Issued PUBLIC_CA = TestPki.certificate("CN=tlswatch Test Public CA,O=tlswatch tests,C=US")
            .keys(TestPki.ecKeys()).issuedBy(PUBLIC_ROOT).ca(null).validity("2015-01-01T00:00:00Z", "2035-01-01T00:00:00Z")
            .build();
    static final KeyPair SITE_KEYS = TestPki.ecKeys();
    /** The site's own certificate, from the public CA, logged to CT. */
    static final Issued SITE_LEAF = TestPki.serverLeaf(SITE, "example.com").keys(SITE_KEYS).issuedBy(PUBLIC_CA)
            .withEmbeddedScts().build();

    /** A look-alike of Kazakhstan's 2019 interception root: its name (C=KZ, CN=Qaznet Trust Network), a key of our own. */
    static final Issued QAZNET_LIKE = TestPki.root("CN=Qaznet Trust Network,C=KZ", TestPki.ecKeys());
    /** A corporate TLS inspection root that no catalogue knows. */
    static final Issued CORPORATE_ROOT = TestPki.root("CN=Example Corp TLS Inspection CA,O=Example Corp,C=US",
            TestPki.ecKeys());
    /** The key an interception proxy puts in every leaf it forges. */
    static final KeyPair PROXY_LEAF_KEYS = TestPki.ecKeys();

    /** Mozilla's roots and the test public root: what the judge calls publicly trusted. */
    static final TrustStore PUBLIC_STORE = TrustStore.mozillaSnapshot()
            .withAdditionalRoots("tlswatch-test-public-root", PUBLIC_ROOT.pem().getBytes(StandardCharsets.US_ASCII));

    /** A user's catalogue entry for the corporate proxy's CA, by the attributes of its name. */
    static final String CORPORATE_ENTRY = """
            [example-corp-inspection]
            name = Example Corp TLS inspection
            class = corporate
            issuer = CN=Example Corp TLS Inspection CA, O=Example Corp
            source = the security team's inventory
            """;

    private VerdictPki() {
    }

    /** The shipped catalogue with {@link #CORPORATE_ENTRY} merged over it. */
    static InterceptorCatalogue withCorporateEntry() {
        try {
            return InterceptorCatalogue.shipped().merge("corp.catalogue", CORPORATE_ENTRY);
        } catch (CatalogueException e) {
            throw new AssertionError(e);
        }
    }

    /** A leaf for {@code names} that {@code ca} forged on the fly: the proxy's key, no SCTs, the default 2024 validity. */
    static Issued forgedLeaf(Issued ca, String... names) {
        return TestPki.serverLeaf(names).keys(PROXY_LEAF_KEYS).issuedBy(ca).build();
    }

    /** A leaf for {@code names} from the public CA, logged to CT. */
    static Issued publicLeaf(String... names) {
        return TestPki.serverLeaf(names).keys(SITE_KEYS).issuedBy(PUBLIC_CA).withEmbeddedScts().build();
    }

    /** The judge with {@link #PUBLIC_STORE} and the shipped catalogue, to be configured further. */
    static VerdictEngine.Builder judge() {
        return VerdictEngine.builder(PUBLIC_STORE, InterceptorCatalogue.shipped());
    }

    /** A browser (Firefox 42) asks for {@code serverName}, the server sends {@code chain}, the browser goes on. */
    static TlsSession visit(String serverName, Issued... chain) {
        return ObservedHandshake.tls12(ClientHellos.firefox42(serverName)).chain(chain).session();
    }

    /** The one piece of evidence {@code rule} gave; fails the test if it gave none or several. */
    static Evidence evidence(SessionVerdict verdict, String rule) {
        List<Evidence> found = verdict.evidence().stream().filter(e -> e.rule().equals(rule)).toList();
        assertEquals(1, found.size(), () -> "evidence of " + rule + " in " + verdict.evidence());
        return found.get(0);
    }
}
