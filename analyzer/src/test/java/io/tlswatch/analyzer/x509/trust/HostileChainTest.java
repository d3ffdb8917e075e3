package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static io.tlswatch.analyzer.testpki.TestPki.chain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki;
import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.testpki.TestPki.Keys;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a hostile server can send: garbage, cut and one-byte-broken certificates, issuer loops,
 * many certificates with one name, thousands of certificates, keys we do not verify. Never an
 * exception, never trust, always bounded time.
 */
class HostileChainTest {
    private static final Duration BUDGET = Duration.ofSeconds(5);
    private final ChainValidator validator = new ChainValidator(TrustStore.mozillaSnapshot());

    @Test
    void randomBytesAreAMalformedLeafOrUnparseableExtras() {
        Random random = new Random(20240601);
        for (int round = 0; round < 200; round++) {
            List<byte[]> chain = new ArrayList<>();
            for (int i = random.nextInt(4) + 1; i > 0; i--) {
                byte[] garbage = new byte[random.nextInt(600)];
                random.nextBytes(garbage);
                if (garbage.length > 1 && random.nextBoolean()) {
                    garbage[0] = 0x30; // a SEQUENCE, as a certificate starts
                }
                chain.add(garbage);
            }
            ChainVerdict verdict = validator.validate(chain, "www.example.com", CAPTURE);
            assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), verdict.failures(), "round " + round);
        }
    }

    @Test
    void everyTruncationOfARealLeafIsMalformed() {
        List<byte[]> real = TrustResources.chain("zeek-ecdsa-cert");
        byte[] leaf = real.get(0);
        for (int length = 0; length < leaf.length; length++) {
            List<byte[]> cut = List.of(Arrays.copyOf(leaf, length), real.get(1));
            assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), validator.validate(cut, null, CAPTURE).failures(), "length " + length);
        }
    }

    @Test
    void noOneByteChangeOfARealLeafIsTrusted() {
        List<byte[]> real = TrustResources.chain("zeek-ecdsa-cert");
        Instant capture = Instant.ofEpochSecond(1416942644);
        assertTrue(validator.validate(real, "pantz.org", capture).trusted(), "the unbroken chain");
        byte[] leaf = real.get(0);
        Instant start = Instant.now();
        for (int at = 0; at < leaf.length; at++) {
            byte[] broken = leaf.clone();
            broken[at] ^= 0x01;
            ChainVerdict verdict = validator.validate(List.of(broken, real.get(1)), "pantz.org", capture);
            assertFalse(verdict.trusted(), "byte " + at + ": " + verdict);
        }
        assertTrue(Duration.between(start, Instant.now()).compareTo(BUDGET) < 0);
    }

    @Test
    void brokenSignatureByteIsABadSignature() {
        List<byte[]> real = TrustResources.chain("zeek-ecdsa-cert");
        byte[] leaf = real.get(0).clone();
        leaf[leaf.length - 5] ^= 0x40; // inside the ECDSA signature's s value

        ChainVerdict verdict = validator.validate(List.of(leaf, real.get(1)), "pantz.org", Instant.ofEpochSecond(1416942644));

        assertEquals(Set.of(ChainFailure.BAD_SIGNATURE), verdict.failures());
    }

    @Test
    void issuersThatCertifyEachOtherEndTheSearch() {
        Issued a = TestPki.certificate("CN=Loop A,C=KZ").keys(Keys.EC_CA).claimsIssuer(TestPki.name("CN=Loop B,C=KZ"), Keys.EC_OTHER)
                .ca(null).build();
        Issued b = TestPki.certificate("CN=Loop B,C=KZ").keys(Keys.EC_OTHER).claimsIssuer(TestPki.name("CN=Loop A,C=KZ"), Keys.EC_CA)
                .ca(null).build();
        Issued leaf = TestPki.leaf(a, "loop.example.com");

        ChainVerdict verdict = validator.validate(chain(leaf, a, b), "loop.example.com", CAPTURE);

        assertEquals(Set.of(ChainFailure.INCOMPLETE_CHAIN), verdict.failures());
        assertEquals(3, verdict.path().size());
        assertEquals("CN=Loop A,C=KZ", verdict.missingIssuer(), "Loop A is already on the path");
    }

    @Test
    void sixteenCertificatesWithOneNameStopAtTheSearchBound() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        List<Issued> sameName = new ArrayList<>();
        KeyPair previous = Keys.EC_CA;
        for (int i = 0; i < TrustLimits.MAX_CHAIN_CERTIFICATES - 1; i++) {
            KeyPair keys = ec.generateKeyPair();
            sameName.add(TestPki.certificate("CN=Same Name CA,C=KZ").keys(keys)
                    .claimsIssuer(TestPki.name("CN=Same Name CA,C=KZ"), previous).ca(null).build());
            previous = keys;
        }
        Issued leaf = TestPki.certificate("CN=many.example.com").serverLeaf().dns("many.example.com")
                .claimsIssuer(TestPki.name("CN=Same Name CA,C=KZ"), previous).build();
        List<byte[]> chain = new ArrayList<>(List.of(leaf.der()));
        Collections.reverse(sameName);
        sameName.forEach(certificate -> chain.add(certificate.der()));
        Instant start = Instant.now();

        ChainVerdict verdict = validator.validate(chain, "many.example.com", CAPTURE);

        assertTrue(Duration.between(start, Instant.now()).compareTo(BUDGET) < 0);
        assertFalse(verdict.trusted());
        assertTrue(verdict.notes().contains(ChainNote.SEARCH_BOUNDED), verdict.toString());
    }

    @Test
    void thousandsOfCertificatesAreCutAtTheBoundAndCounted() {
        List<byte[]> chain = new ArrayList<>(TrustResources.chain("zeek-geneve-47101"));
        byte[] garbage = {0x30, 0x00};
        for (int i = 0; i < 5000; i++) {
            chain.add(i % 2 == 0 ? chain.get(1) : garbage);
        }
        Instant start = Instant.now();

        ChainVerdict verdict = validator.validate(chain, "www.kernel.org", Instant.ofEpochSecond(1673516612));

        assertTrue(Duration.between(start, Instant.now()).compareTo(BUDGET) < 0);
        assertTrue(verdict.trusted(), verdict.toString());
        assertEquals(5003, verdict.certificatesSent());
        assertEquals(5003 - TrustLimits.MAX_CHAIN_CERTIFICATES, verdict.certificatesIgnored());
        assertEquals(Set.of(ChainNote.CERTIFICATES_IGNORED, ChainNote.UNPARSEABLE_CERTIFICATES, ChainNote.ROOT_SENT),
                verdict.notes());
    }

    @Test
    void nullEntriesAndAnAbsurdServerNameAreInputLikeAnyOther() {
        List<byte[]> withNulls = new ArrayList<>(TrustResources.chain("zeek-geneve-47101"));
        withNulls.add(1, null);
        List<byte[]> nullLeaf = new ArrayList<>();
        nullLeaf.add(null);

        ChainVerdict verdict = validator.validate(withNulls, "www.kernel.org", Instant.ofEpochSecond(1673516612));

        assertTrue(verdict.trusted(), verdict.toString());
        assertTrue(verdict.notes().contains(ChainNote.UNPARSEABLE_CERTIFICATES));
        assertEquals(Set.of(ChainFailure.MALFORMED_LEAF), validator.validate(nullLeaf, null, CAPTURE).failures());
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), validator.validate(TrustResources.chain("zeek-geneve-47101"),
                "a.".repeat(5000) + "kernel.org", Instant.ofEpochSecond(1673516612)).failures());
    }

    @Test
    void explicitCurveParametersAreNeverVerified() {
        // CVE-2020-0601 "CurveBall": a CA key with explicit domain parameters (arkime's badcurveball.pcap, 2020-01-17)
        byte[] leaf = TrustResources.bytes("/io/tlswatch/analyzer/x509/corpus/badcurveball-1.der");
        byte[] ca = TrustResources.bytes("/io/tlswatch/analyzer/x509/corpus/badcurveball-2.der");

        ChainVerdict verdict = validator.validate(List.of(leaf, ca), null, Instant.parse("2020-01-17T20:43:36Z"));

        assertEquals(Set.of(ChainFailure.UNSUPPORTED_SIGNATURE, ChainFailure.UNTRUSTED_ROOT), verdict.failures());
        assertEquals("CN=INFIGO,O=INFIGO IS,ST=Zagreb,C=HR", verdict.anchor().subject());
    }

    @Test
    void dsaSignaturesAreNotVerifiedAndSaySo() throws Exception {
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        Issued dsaRoot = TestPki.root("CN=DSA Root,C=KZ", dsa.generateKeyPair());
        Issued leaf = TestPki.leaf(dsaRoot, "dsa.example.com");

        ChainVerdict verdict = new ChainValidator(TestPki.storeOf(dsaRoot)).validate(chain(leaf), "dsa.example.com", CAPTURE);

        assertEquals(Set.of(ChainFailure.UNSUPPORTED_SIGNATURE), verdict.failures());
        assertFalse(verdict.anchoredInStore());
    }
}
