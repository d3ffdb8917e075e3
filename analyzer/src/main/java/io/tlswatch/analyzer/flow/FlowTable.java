package io.tlswatch.analyzer.flow;

import java.util.function.Supplier;

/**
 * A bounded table of flows: open addressing with linear probing over a primitive slot array, and
 * an intrusive list of flows from least to most recently seen for idle timeouts and for eviction
 * when the table is full. Every operation is O(1) (amortised for probing) and allocation-free once
 * the table has held as many flows as it ever will; entries are created lazily and then reused.
 *
 * <p>Time is packet time, passed in by the caller, so a replay expires flows as the capture did.
 * Single writer: one table per worker thread.
 *
 * @param <F> the flow state kept per flow
 */
public final class FlowTable<F extends FlowEntry> {

    /** Why a flow leaves the table. */
    public enum Removal { IDLE_TIMEOUT, TABLE_FULL, CLOSED, END_OF_INPUT }

    /** Told about every flow before its entry is reused, so its findings can be finished. */
    @FunctionalInterface
    public interface RemovalListener<F> {
        void onRemoved(F flow, Removal why);
    }

    private static final int EMPTY = -1;

    private final Supplier<F> factory;
    private final RemovalListener<F> listener;
    private final int maxFlows;
    private final long idleTimeoutNanos;
    private final int[] slots;
    private final int mask;
    private final FlowEntry[] entries;
    private final int[] freeIndexes;
    private int freeCount;
    private int created;
    private int size;
    private int oldest = EMPTY;
    private int newest = EMPTY;

    private long flowsCreated;
    private long evictedTableFull;
    private long expiredIdle;

    public FlowTable(int maxFlows, long idleTimeoutNanos, Supplier<F> factory, RemovalListener<F> listener) {
        if (maxFlows < 1 || maxFlows > (1 << 29)) {
            throw new IllegalArgumentException("maxFlows must be between 1 and 2^29: " + maxFlows);
        }
        this.maxFlows = maxFlows;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.factory = factory;
        this.listener = listener;
        int capacity = Integer.highestOneBit(maxFlows * 2 - 1) << 1;   // load factor <= 0.5
        this.slots = new int[capacity];
        java.util.Arrays.fill(slots, EMPTY);
        this.mask = capacity - 1;
        this.entries = new FlowEntry[maxFlows];
        this.freeIndexes = new int[maxFlows];
    }

    /**
     * The flow the key belongs to, created if new. Expires idle flows first (by packet time) and
     * evicts the least recently seen flow when the table is full.
     */
    public F getOrCreate(FlowKey key, long nowNanos) {
        expireIdle(nowNanos);
        int hash = key.hash();
        int slot = hash & mask;
        while (slots[slot] != EMPTY) {
            FlowEntry e = entries[slots[slot]];
            if (e.hash == hash && key.sameFlow(e)) {
                touch(e, nowNanos);
                return cast(e);
            }
            slot = (slot + 1) & mask;
        }
        if (size == maxFlows) {
            evictedTableFull++;
            remove(cast(entries[oldest]), Removal.TABLE_FULL);
            return getOrCreate(key, nowNanos);
        }
        F flow = allocate();
        flow.setKey(key, hash);
        flow.slot = slot;
        slots[slot] = flow.index;
        flow.firstSeenNanos = nowNanos;
        flow.lastSeenNanos = nowNanos;
        appendNewest(flow);
        size++;
        flowsCreated++;
        return flow;
    }

    /** Finishes and removes one flow now (for example a connection that closed). */
    public void remove(F flow, Removal why) {
        listener.onRemoved(flow, why);
        unlinkIdle(flow);
        deleteSlot(flow.slot);
        flow.slot = -1;
        flow.clearState();
        freeIndexes[freeCount++] = flow.index;
        size--;
    }

    /** Removes every flow whose last packet is older than the idle timeout. */
    public void expireIdle(long nowNanos) {
        while (oldest != EMPTY && nowNanos - entries[oldest].lastSeenNanos > idleTimeoutNanos) {
            expiredIdle++;
            remove(cast(entries[oldest]), Removal.IDLE_TIMEOUT);
        }
    }

    /** Removes every flow, oldest first (at the end of the input). */
    public void removeAll(Removal why) {
        while (oldest != EMPTY) {
            remove(cast(entries[oldest]), why);
        }
    }

    public int size() { return size; }

    public int maxFlows() { return maxFlows; }

    public long flowsCreated() { return flowsCreated; }

    public long evictedTableFull() { return evictedTableFull; }

    public long expiredIdle() { return expiredIdle; }

    private F allocate() {
        if (freeCount > 0) {
            return cast(entries[freeIndexes[--freeCount]]);
        }
        F flow = factory.get();
        flow.index = created;
        entries[created++] = flow;
        return flow;
    }

    private void touch(FlowEntry e, long nowNanos) {
        if (nowNanos > e.lastSeenNanos) {
            e.lastSeenNanos = nowNanos;
        }
        if (e.index != newest) {
            unlinkIdle(e);
            appendNewest(e);
        }
    }

    private void appendNewest(FlowEntry e) {
        e.idlePrev = newest;
        e.idleNext = EMPTY;
        if (newest != EMPTY) {
            entries[newest].idleNext = e.index;
        } else {
            oldest = e.index;
        }
        newest = e.index;
    }

    private void unlinkIdle(FlowEntry e) {
        if (e.idlePrev != EMPTY) {
            entries[e.idlePrev].idleNext = e.idleNext;
        } else {
            oldest = e.idleNext;
        }
        if (e.idleNext != EMPTY) {
            entries[e.idleNext].idlePrev = e.idlePrev;
        } else {
            newest = e.idlePrev;
        }
        e.idlePrev = EMPTY;
        e.idleNext = EMPTY;
    }

    /** Backward-shift deletion keeps probe sequences intact without tombstones. */
    private void deleteSlot(int hole) {
        int next = (hole + 1) & mask;
        while (slots[next] != EMPTY) {
            FlowEntry e = entries[slots[next]];
            int home = e.hash & mask;
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                slots[hole] = slots[next];
                e.slot = hole;
                hole = next;
            }
            next = (next + 1) & mask;
        }
        slots[hole] = EMPTY;
    }

    @SuppressWarnings("unchecked")
    private F cast(FlowEntry e) {
        return (F) e;
    }
}
