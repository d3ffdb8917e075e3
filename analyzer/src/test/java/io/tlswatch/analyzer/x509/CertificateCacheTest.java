package io.tlswatch.analyzer.x509;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The per-worker cache: bounded, counted, one parse per distinct DER, one record per certificate. */
class CertificateCacheTest {
    private static final List<byte[]> CERTIFICATES = new ArrayList<>();

    @BeforeAll
    static void buildDistinctCertificates() {
        for (int serial = 1; serial <= 6; serial++) {
            CERTIFICATES.add(TestCertificateBuilder.ecP256().serial(BigInteger.valueOf(serial)).der());
        }
    }

    @Test
    void sameDerReturnsTheSameInstanceAndCountsAHit() {
        CertificateCache cache = new CertificateCache(4);

        CertificateInfo first = cache.get(CERTIFICATES.get(0));
        CertificateInfo second = cache.get(CERTIFICATES.get(0).clone());

        assertSame(first, second);
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertEquals(1, cache.size());
    }

    @Test
    void sizeNeverExceedsTheBoundAndEvictionsAreCounted() {
        CertificateCache cache = new CertificateCache(3);

        for (byte[] der : CERTIFICATES) {
            cache.get(der);
            assertTrue(cache.size() <= 3);
        }

        assertEquals(3, cache.size());
        assertEquals(CERTIFICATES.size(), cache.misses());
        assertEquals(CERTIFICATES.size() - 3, cache.evictions());
    }

    @Test
    void leastRecentlyUsedIsEvictedFirst() {
        CertificateCache cache = new CertificateCache(2);
        CertificateInfo a = cache.get(CERTIFICATES.get(0));
        cache.get(CERTIFICATES.get(1));
        cache.get(CERTIFICATES.get(0));     // a is now the most recently used
        cache.get(CERTIFICATES.get(2));     // evicts the second certificate

        assertSame(a, cache.get(CERTIFICATES.get(0)));
        long missesBefore = cache.misses();
        cache.get(CERTIFICATES.get(1));
        assertEquals(missesBefore + 1, cache.misses(), "the second certificate had been evicted");
    }

    @Test
    void garbageIsCachedAsAParseErrorAndCounted() {
        CertificateCache cache = new CertificateCache(2);
        byte[] garbage = {0x30, 0x03, 0x02, 0x01, 0x05};

        CertificateInfo info = cache.get(garbage);
        cache.get(garbage);

        assertEquals(CertificateParseError.NOT_A_CERTIFICATE, info.parseError());
        assertEquals(1, cache.parseErrors());
        assertEquals(1, cache.hits());
    }

    @Test
    void certificateInsideALargerBufferIsFoundByItsBytes() {
        CertificateCache cache = new CertificateCache(2);
        byte[] der = CERTIFICATES.get(3);
        byte[] buffer = new byte[der.length + 9];
        System.arraycopy(der, 0, buffer, 5, der.length);

        CertificateInfo inPlace = cache.get(buffer, 5, der.length);

        assertSame(inPlace, cache.get(der));
        assertThrows(IndexOutOfBoundsException.class, () -> cache.get(buffer, 5, buffer.length));
    }

    @Test
    void boundBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CertificateCache(0));
    }
}
