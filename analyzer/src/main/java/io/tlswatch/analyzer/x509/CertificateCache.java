package io.tlswatch.analyzer.x509;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Bounded cache of parsed certificates keyed by SHA-256 of the DER, with hit/miss/eviction
 * counters, so a certificate is parsed once however many sessions show it. Least recently used
 * entries are evicted (a LinkedHashMap in access order: fine per certificate, not per packet).
 *
 * <p>Single-threaded: one cache per worker (its SHA digests are not thread-safe either).
 */
public final class CertificateCache {
    private final int maxEntries;
    private final CertificateDigests digests = new CertificateDigests();
    private final Map<String, CertificateInfo> entries;
    private long hits;
    private long misses;
    private long evictions;
    private long parseErrors;

    /** @param maxEntries most certificates kept, at least 1 */
    public CertificateCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CertificateInfo> eldest) {
                if (size() > CertificateCache.this.maxEntries) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** The parsed certificate for {@code der}, parsing it on a miss. Never throws for bad input. */
    public CertificateInfo get(byte[] der) {
        return get(der, 0, der.length);
    }

    /** As {@link #get(byte[])}, for a certificate inside a larger buffer (no copy). */
    public CertificateInfo get(byte[] buf, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        String sha256 = digests.sha256Hex(buf, offset, length);
        CertificateInfo cached = entries.get(sha256);
        if (cached != null) {
            hits++;
            return cached;
        }
        misses++;
        CertificateInfo info = CertificateParser.parse(buf, offset, length, sha256, digests);
        if (!info.isParsed()) {
            parseErrors++;
        }
        entries.put(sha256, info);
        return info;
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Lookups that parsed a certificate. */
    public long misses() {
        return misses;
    }

    /** Certificates dropped to stay within {@link #maxEntries()}. */
    public long evictions() {
        return evictions;
    }

    /** Misses whose DER did not parse as a certificate. */
    public long parseErrors() {
        return parseErrors;
    }

    public int size() {
        return entries.size();
    }

    public int maxEntries() {
        return maxEntries;
    }
}
