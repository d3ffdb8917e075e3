package io.tlswatch.analyzer.x509;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Bounded cache of parsed certificates keyed by SHA-256 of the DER, with hit/miss/eviction
 * counters, so a certificate is parsed once however many sessions show it. Least recently used
 * entries are evicted (a LinkedHashMap in access order: fine per certificate, not per packet).
 *
 * <p>It also remembers, per cached certificate, whether its certificate record was emitted this
 * run ({@link #firstSighting}), so each distinct certificate is written once. Single-threaded:
 * one cache per worker (its SHA digests are not thread-safe either).
 */
public final class CertificateCache {
    private final int maxEntries;
    private final CertificateDigests digests = new CertificateDigests();
    private final Map<String, Entry> entries;
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
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
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
        Entry entry = entries.get(sha256);
        if (entry != null) {
            hits++;
            return entry.info;
        }
        misses++;
        CertificateInfo info = CertificateParser.parse(buf, offset, length, sha256, digests);
        if (!info.isParsed()) {
            parseErrors++;
        }
        entries.put(sha256, new Entry(info));
        return info;
    }

    /**
     * True exactly once per certificate while it stays cached: the caller should emit the
     * certificate record now. Later calls answer false. A certificate evicted and seen again
     * counts as new, so its record is emitted again; records are keyed by SHA-256 downstream,
     * so that repeat lands on the same document.
     */
    public boolean firstSighting(CertificateInfo info) {
        Entry entry = entries.get(info.sha256());
        if (entry == null) {
            entry = new Entry(info);
            entries.put(info.sha256(), entry);
        }
        if (entry.recordEmitted) {
            return false;
        }
        entry.recordEmitted = true;
        return true;
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

    private static final class Entry {
        final CertificateInfo info;
        boolean recordEmitted;

        Entry(CertificateInfo info) {
            this.info = info;
        }
    }
}
