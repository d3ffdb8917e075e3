package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Chains as an attacker sends them: too long, full of garbage, names built to confuse. */
class HostileChainMatchingTest {
    private static final CatalogueMatcher MATCHER = new CatalogueMatcher(InterceptorCatalogue.shipped());

    @Test
    void onlyTheFirstSixteenCertificatesAreExaminedAndTheRestCounted() {
        CertificateInfo innocent = TestCertificates.certificate(TestCertificates.name("CN", "a.example"), TestCertificates.name("CN", "Some CA"));
        CertificateInfo qaznet = RealInterceptionRootsTest.x509Resource("interceptors/qaznet-trust-network-2016.pem");
        List<CertificateInfo> chain = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            chain.add(innocent);
        }
        chain.add(qaznet);

        ChainMatches found = MATCHER.match(chain);

        assertFalse(found.any());
        assertEquals(101 - CatalogueLimits.MAX_CHAIN_CERTIFICATES, found.certificatesIgnored());
        chain.set(CatalogueLimits.MAX_CHAIN_CERTIFICATES - 1, qaznet);
        assertEquals(CatalogueLimits.MAX_CHAIN_CERTIFICATES - 1,
                MATCHER.match(chain).matches().get(0).evidence().get(0).chainIndex());
    }

    @Test
    void garbageAndMissingCertificatesNeverThrowAndMatchNothing() {
        Random random = new Random(7);
        List<CertificateInfo> chain = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            byte[] junk = new byte[random.nextInt(300)];
            random.nextBytes(junk);
            if (junk.length > 0) {
                junk[0] = 0x30;
            }
            chain.add(CertificateParser.parse(junk));
        }
        chain.add(null);

        assertFalse(MATCHER.match(chain).any());
        assertFalse(MATCHER.match(List.of()).any());
    }

    @Test
    void everyTruncationOfTheSuperfishRootIsHandled() {
        byte[] der = TestCertificates.resourceDer("superfish-2014.pem");
        for (int length = 0; length < der.length; length++) {
            CertificateInfo cut = CertificateParser.parse(Arrays.copyOf(der, length));
            assertFalse(MATCHER.match(List.of(cut)).any(), "length " + length);
        }
        assertTrue(MATCHER.match(List.of(CertificateParser.parse(der))).any());
    }

    @Test
    void interceptorNameHiddenInAnotherAttributeDoesNotMatch() {
        // The name sits in OU and L, not in CN / O where the entry looks for it.
        CertificateInfo sneaky = TestCertificates.certificate(TestCertificates.name("CN", "a.example"),
                TestCertificates.name("OU", "FortiGate CA", "L", "Fortinet", "O", "Innocent Org"));

        assertFalse(MATCHER.match(List.of(sneaky)).any());
    }
}
