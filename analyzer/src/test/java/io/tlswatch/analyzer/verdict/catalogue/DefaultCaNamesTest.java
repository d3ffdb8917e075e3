package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every name the catalogue holds, put in a real certificate as its issuer, finds its entry and no
 * other; names that merely look alike, and the whole Mozilla root store, find nothing.
 */
class DefaultCaNamesTest {
    private static final InterceptorCatalogue CATALOGUE = InterceptorCatalogue.shipped();
    private static final CatalogueMatcher MATCHER = new CatalogueMatcher(CATALOGUE);
    private static final X500Name SITE = TestCertificates.name("CN", "www.example.org", "O", "Example Org");

    static Stream<Arguments> everyNameInTheCatalogue() {
        List<Arguments> out = new ArrayList<>();
        for (InterceptorEntry entry : CATALOGUE.entries()) {
            for (String pattern : entry.issuerPatterns()) {
                out.add(Arguments.of(entry.id(), pattern, instance(DnText.parse(pattern, true))));
            }
            for (String name : entry.issuerNames()) {
                out.add(Arguments.of(entry.id(), name, TestCertificates.name(DnText.parse(name, false))));
            }
        }
        return out.stream();
    }

    /** A name the pattern describes: each star becomes " 1234", letters keep the catalogue's case. */
    private static X500Name instance(List<DnText.Attribute> pattern) {
        List<DnText.Attribute> concrete = new ArrayList<>();
        for (DnText.Attribute a : pattern) {
            concrete.add(new DnText.Attribute(a.type(), a.value().replace(String.valueOf(DnText.WILDCARD), " 1234")));
        }
        return TestCertificates.name(concrete);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyNameInTheCatalogue")
    void issuerWithTheDefaultNameFindsItsEntryAndNoOther(String id, String pattern, X500Name issuer) {
        CertificateInfo forged = TestCertificates.certificate(SITE, issuer);

        ChainMatches found = MATCHER.match(List.of(forged));

        assertEquals(List.of(id), found.matches().stream().map(m -> m.entry().id()).toList(), issuer.toString());
        MatchEvidence evidence = found.matches().get(0).evidence().get(0);
        assertEquals(0, evidence.chainIndex());
        assertEquals(MatchedField.ISSUER, evidence.field());
        assertEquals(forged.issuer().distinguishedName(), evidence.value());
        assertEquals(pattern, evidence.pattern());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyNameInTheCatalogue")
    void siteCertificateWhoseSubjectCopiesTheNameIsNotEvidence(String id, String pattern, X500Name name) {
        CertificateInfo site = TestCertificates.certificate(name, TestCertificates.name("C", "US", "O", "Let's Encrypt", "CN", "R3"));

        assertFalse(MATCHER.match(List.of(site)).any(), name.toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        // Vendors' own legal names, as their public sites' CAs and subjects carry them
        "C=US|O=Fortinet, Inc.|CN=Fortinet Public Server CA",
        "C=US|O=Zscaler, Inc.|CN=zscaler.com issuing CA",
        "C=GB|O=Sophos Ltd|CN=Sophos SSL CA",
        "C=US|O=Cisco Systems|CN=Cisco Umbrella Root CA",
        "C=US|O=Cisco|CN=Cisco Umbrella Root CA 2",
        "C=RU|O=Kaspersky Lab|CN=Kaspersky Lab Issuing CA",
        "C=US|O=mitmproxy project|CN=mitmproxy",
        "C=GB|O=PortSwigger Ltd|CN=PortSwigger CA",
        // Kazakh names in other countries or organisations
        "C=US|O=ISCA|CN=Information Security Certification Authority",
        "C=KZ|O=Halyk Bank|CN=Security Certificate",
        "C=KZ|CN=Security Certificates",
        "C=KZ|CN=Qaznet Trust Network 2",
        // Globs keep their literal ends
        "C=US|O=Blue Coats Cleaning|CN=Coat Check CA",
        "C=NZ|O=XK72 Ltd|CN=Charles Proxy SSL Proxying CA",
        "C=US|CN=Sophos_CB_1234",
        "C=US|O=HTTPS Management Certificate for SonicWALL-like|CN=x",
        "C=US|O=Blue Coated Steel Inc|CN=Steel CA",
        "C=US|CN=ContentKeeper Appliance CA 7|O=ContentKeeper Technologies",
        // Public CAs
        "C=US|O=DigiCert Inc|OU=www.digicert.com|CN=DigiCert Global Root G2",
        "C=US|O=Let's Encrypt|CN=R3",
        "C=US|O=Google Trust Services LLC|CN=GTS Root R1",
    })
    void lookAlikeCaNamesFindNothing(String name) {
        String[] parts = name.split("\\|");
        String[] pairs = new String[parts.length * 2];
        for (int i = 0; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            pairs[2 * i] = parts[i].substring(0, eq);
            pairs[2 * i + 1] = parts[i].substring(eq + 1);
        }
        X500Name ca = TestCertificates.name(pairs);
        CertificateInfo leaf = TestCertificates.certificate(SITE, ca);
        CertificateInfo intermediate = TestCertificates.certificate(ca, TestCertificates.name("CN", "Some Root"));

        assertFalse(MATCHER.match(List.of(leaf, intermediate)).any(), name);
    }

    @Test
    void noRootOfTheShippedMozillaStoreMatches() {
        List<byte[]> roots = TestCertificates.pemToDer(
                TestResourcesText.read("/io/tlswatch/analyzer/x509/trust/mozilla-roots.pem"));
        assertTrue(roots.size() > 100, "roots: " + roots.size());
        for (byte[] der : roots) {
            CertificateInfo root = CertificateParser.parse(der);
            assertTrue(root.isParsed(), root.toString());
            CertificateInfo leaf = TestCertificates.certificate(SITE, TestCertificates.name("CN", "leaf issuer"));
            ChainMatches found = MATCHER.match(List.of(leaf, root));
            assertFalse(found.any(), root.subject().distinguishedName() + " " + found.matches());
        }
    }
}
