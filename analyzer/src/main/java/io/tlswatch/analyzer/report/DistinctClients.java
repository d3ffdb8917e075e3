package io.tlswatch.analyzer.report;

import org.agrona.collections.LongHashSet;

/**
 * Distinct client addresses, exact up to a bound and a lower bound past it ({@link #saturated()}).
 * An address is kept as a 64-bit mix of its two longs: two addresses that mix alike (about one pair
 * in 2^64) count once.
 */
final class DistinctClients {
    private final int bound;
    private final LongHashSet seen = new LongHashSet();
    private boolean saturated;

    DistinctClients(int bound) {
        this.bound = bound;
    }

    void add(long hi, long lo) {
        keep(mix(hi, lo));
    }

    void addAll(DistinctClients other) {
        for (LongHashSet.LongIterator it = other.seen.iterator(); it.hasNext(); ) {
            keep(it.nextValue());
        }
        saturated |= other.saturated;
    }

    private void keep(long key) {
        if (seen.size() < bound) {
            seen.add(key);
        } else if (!seen.contains(key)) {
            saturated = true;
        }
    }

    int count() {
        return seen.size();
    }

    /** True when the bound was reached and a new address could not be kept: {@link #count()} is a lower bound. */
    boolean saturated() {
        return saturated;
    }

    /** Stafford's variant 13 of the SplitMix64 finalizer over both halves. */
    private static long mix(long hi, long lo) {
        long z = hi * 0x9e3779b97f4a7c15L + lo;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
