package io.tlswatch.analyzer.x509.trust;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Verdicts by chain identity, so a chain is built and checked once however many sessions show
 * it: keyed by the SHA-256s of the certificates as sent (in order), how many were sent, and the
 * server name (case-insensitive). Time is not in the key: what is kept is the time-independent
 * analysis with each candidate path's validity window, and every lookup re-judges it at the
 * capture time asked for, which costs a few comparisons. Least recently used entries are evicted;
 * hits, misses and evictions are counted.
 *
 * <p>Single-threaded, like the {@link ChainValidator} it wraps: one per worker.
 */
public final class ChainVerdictCache {
    private final ChainValidator validator;
    private final LruMap<Key, ChainAnalysis> entries;
    private long hits;
    private long misses;

    private record Key(List<String> sha256s, int sent, String serverName) {
    }

    /** @param maxEntries most chains kept, at least 1 */
    public ChainVerdictCache(ChainValidator validator, int maxEntries) {
        this.validator = Objects.requireNonNull(validator, "validator");
        this.entries = new LruMap<>(maxEntries);
    }

    /** As {@link ChainValidator#validate}, answered from the cache when the chain was seen before. */
    public ChainVerdict verdict(List<byte[]> chain, String serverName, Instant captureTime) {
        Objects.requireNonNull(chain, "chain");
        return verdict(chain, validator.hashes(chain), serverName, captureTime);
    }

    /**
     * As {@link #verdict(List, String, Instant)} when the caller already has the certificates'
     * SHA-256s (lowercase hex, in order): the cache key costs no hashing then.
     */
    public ChainVerdict verdict(List<byte[]> chain, List<String> sha256s, String serverName, Instant captureTime) {
        Objects.requireNonNull(chain, "chain");
        Objects.requireNonNull(captureTime, "captureTime");
        List<String> hashes = sha256s.size() > TrustLimits.MAX_CHAIN_CERTIFICATES
                ? sha256s.subList(0, TrustLimits.MAX_CHAIN_CERTIFICATES) : sha256s;
        Key key = new Key(hashes, chain.size(), serverName != null ? serverName.toLowerCase(Locale.ROOT) : null);
        ChainAnalysis analysis = entries.get(key);
        if (analysis != null) {
            hits++;
        } else {
            misses++;
            analysis = validator.analyze(chain, hashes, serverName);
            entries.put(key, analysis);
        }
        return analysis.judgeAt(captureTime);
    }

    /** Lookups answered from the cache. */
    public long hits() {
        return hits;
    }

    /** Lookups that built and checked the chain. */
    public long misses() {
        return misses;
    }

    /** Chains dropped to stay within {@link #maxEntries()}. */
    public long evictions() {
        return entries.evictions();
    }

    public int size() {
        return entries.size();
    }

    public int maxEntries() {
        return entries.maxEntries();
    }
}
