package io.tlswatch.analyzer.x509.trust;

import static io.tlswatch.analyzer.testpki.TestPki.CAPTURE;
import static io.tlswatch.analyzer.testpki.TestPki.chain;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.testpki.TestPki.Issued;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Verdicts cached by chain and name, re-judged per capture time, bounded and counted. */
class ChainVerdictCacheTest {
    private static final Issued CA = ChainValidatorTest.RSA_CA;
    private static final Issued LEAF = ChainValidatorTest.RSA_LEAF;

    private final ChainValidator validator = new ChainValidator(ChainValidatorTest.STORE);

    @Test
    void sameChainGivesTheValidatorsVerdictAndIsBuiltOnce() {
        ChainVerdictCache cache = new ChainVerdictCache(validator, 16);

        ChainVerdict first = cache.verdict(chain(LEAF, CA), "www.example.com", CAPTURE);
        ChainVerdict second = cache.verdict(chain(LEAF, CA), "www.example.com", CAPTURE);

        assertEquals(validator.validate(chain(LEAF, CA), "www.example.com", CAPTURE), first);
        assertEquals(first, second);
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertEquals(1, cache.size());
    }

    @Test
    void cachedChainIsRejudgedAtEachCaptureTime() {
        ChainVerdictCache cache = new ChainVerdictCache(validator, 16);
        Instant afterLeafExpiry = Instant.parse("2026-01-01T00:00:00Z");
        Instant beforeLeafStart = Instant.parse("2023-06-01T00:00:00Z");

        assertTrue(cache.verdict(chain(LEAF, CA), "example.com", CAPTURE).trusted());
        ChainVerdict later = cache.verdict(chain(LEAF, CA), "example.com", afterLeafExpiry);
        ChainVerdict earlier = cache.verdict(chain(LEAF, CA), "example.com", beforeLeafStart);

        assertEquals(Set.of(ChainFailure.EXPIRED), later.failures());
        assertEquals(afterLeafExpiry, later.judgedAt());
        assertEquals(Set.of(ChainFailure.NOT_YET_VALID), earlier.failures());
        assertEquals(validator.validate(chain(LEAF, CA), "example.com", afterLeafExpiry), later);
        assertEquals(1, cache.misses(), "one analysis serves every capture time");
        assertEquals(2, cache.hits());
    }

    @Test
    void serverNameIsPartOfTheKeyButNotItsCase() {
        ChainVerdictCache cache = new ChainVerdictCache(validator, 16);

        cache.verdict(chain(LEAF, CA), "www.example.com", CAPTURE);
        ChainVerdict upperCase = cache.verdict(chain(LEAF, CA), "WWW.EXAMPLE.COM", CAPTURE);
        ChainVerdict otherName = cache.verdict(chain(LEAF, CA), "other.example.com", CAPTURE);
        ChainVerdict noName = cache.verdict(chain(LEAF, CA), null, CAPTURE);

        assertTrue(upperCase.trusted());
        assertEquals(Set.of(ChainFailure.NAME_MISMATCH), otherName.failures());
        assertEquals(Set.of(ChainNote.NAME_NOT_CHECKED), noName.notes());
        assertEquals(1, cache.hits());
        assertEquals(3, cache.misses());
    }

    @Test
    void orderSentIsPartOfTheKey() {
        ChainVerdictCache cache = new ChainVerdictCache(validator, 16);

        ChainVerdict inOrder = cache.verdict(chain(LEAF, CA, ChainValidatorTest.RSA_ROOT), "example.com", CAPTURE);
        ChainVerdict shuffled = cache.verdict(chain(LEAF, ChainValidatorTest.RSA_ROOT, CA), "example.com", CAPTURE);

        assertEquals(Set.of(ChainNote.ROOT_SENT), inOrder.notes());
        assertEquals(Set.of(ChainNote.ROOT_SENT, ChainNote.OUT_OF_ORDER), shuffled.notes());
        assertEquals(2, cache.misses());
    }

    @Test
    void leastRecentlyUsedChainIsEvictedAndCounted() {
        ChainVerdictCache cache = new ChainVerdictCache(validator, 2);
        List<byte[]> rsa = chain(LEAF, CA);
        List<byte[]> ec = chain(ChainValidatorTest.EC_LEAF, ChainValidatorTest.EC_CA);
        List<byte[]> leafOnly = chain(LEAF);

        cache.verdict(rsa, "example.com", CAPTURE);
        cache.verdict(ec, "shop.example.org", CAPTURE);
        cache.verdict(rsa, "example.com", CAPTURE);
        cache.verdict(leafOnly, "example.com", CAPTURE);
        cache.verdict(ec, "shop.example.org", CAPTURE);

        assertEquals(2, cache.size());
        assertEquals(2, cache.maxEntries());
        assertEquals(2, cache.evictions(), "ec went out for leafOnly, then rsa for ec");
        assertEquals(4, cache.misses());
        assertEquals(1, cache.hits());
        assertThrows(IllegalArgumentException.class, () -> new ChainVerdictCache(validator, 0));
    }
}
