package io.tlswatch.analyzer.x509.trust;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code maxEntries}, dropping the least recently used and counting each
 * drop: the bounded tables of this package (a LinkedHashMap in access order, fine per handshake,
 * not per packet). Single-threaded.
 */
final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    private final int maxEntries;
    private long evictions;

    LruMap(int maxEntries) {
        super(16, 0.75f, true);
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        this.maxEntries = maxEntries;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > maxEntries) {
            evictions++;
            return true;
        }
        return false;
    }

    int maxEntries() {
        return maxEntries;
    }

    /** Entries dropped to stay within {@link #maxEntries()}. */
    long evictions() {
        return evictions;
    }
}
