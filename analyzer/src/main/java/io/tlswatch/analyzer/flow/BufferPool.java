package io.tlswatch.analyzer.flow;

import java.util.ArrayDeque;

/**
 * Stream buffers for reassembly, in power-of-two size classes from {@link #MIN_SIZE} to a maximum,
 * recycled through bounded free lists and held under a memory budget.
 *
 * <p>A flow takes a small buffer when its first payload arrives and grows it only as far as its
 * handshake needs, so a ClientHello costs 2 KiB, not the 64 KiB window. Released buffers go back to
 * their free list, so the steady state allocates nothing. When the budget is spent,
 * {@link #acquire(int)} returns {@code null} and counts it: the caller gives up on that stream
 * rather than grow memory without bound. Single-threaded: one pool per worker.
 */
public final class BufferPool {
    /** Smallest buffer handed out. */
    public static final int MIN_SIZE = 2048;
    private static final int MAX_FREE_PER_CLASS = 1024;

    private final int maxSize;
    private final long budgetBytes;
    private final ArrayDeque<byte[]>[] free;
    private long bytesInUse;
    private long exhausted;

    /**
     * @param maxSize     the largest buffer (the reassembly window), rounded up to a power of two
     * @param budgetBytes the most memory that buffers in use may hold together
     */
    @SuppressWarnings("unchecked")
    public BufferPool(int maxSize, long budgetBytes) {
        if (maxSize < MIN_SIZE || budgetBytes < maxSize) {
            throw new IllegalArgumentException("buffer pool: maxSize " + maxSize
                    + " must be >= " + MIN_SIZE + " and <= budget " + budgetBytes);
        }
        this.maxSize = roundUp(maxSize);
        this.budgetBytes = budgetBytes;
        this.free = new ArrayDeque[classOf(this.maxSize) + 1];
        for (int i = 0; i < free.length; i++) {
            free[i] = new ArrayDeque<>();
        }
    }

    /** A buffer of at least {@code minSize} bytes (at most the maximum), or null when the budget is spent. */
    public byte[] acquire(int minSize) {
        int size = Math.min(roundUp(Math.max(minSize, MIN_SIZE)), maxSize);
        if (bytesInUse + size > budgetBytes) {
            exhausted++;
            return null;
        }
        bytesInUse += size;
        byte[] recycled = free[classOf(size)].pollFirst();
        return recycled != null ? recycled : new byte[size];
    }

    /** Returns a buffer that {@link #acquire(int)} gave out. */
    public void release(byte[] buffer) {
        if (buffer == null) {
            return;
        }
        bytesInUse -= buffer.length;
        ArrayDeque<byte[]> list = free[classOf(buffer.length)];
        if (list.size() < MAX_FREE_PER_CLASS) {
            list.addFirst(buffer);
        }
    }

    /**
     * Grows {@code buffer} to hold at least {@code minSize} bytes, keeping its first {@code used} bytes.
     * Returns the same buffer if it is big enough, or null (the old one still held) when the budget is spent.
     */
    public byte[] grow(byte[] buffer, int used, int minSize) {
        if (buffer.length >= minSize) {
            return buffer;
        }
        byte[] bigger = acquire(minSize);
        if (bigger == null) {
            return null;
        }
        System.arraycopy(buffer, 0, bigger, 0, used);
        release(buffer);
        return bigger;
    }

    public int maxSize() {
        return maxSize;
    }

    public long bytesInUse() {
        return bytesInUse;
    }

    /** How often a buffer was refused because the budget was spent. */
    public long exhausted() {
        return exhausted;
    }

    private static int roundUp(int size) {
        int highest = Integer.highestOneBit(size);
        return highest == size ? size : highest << 1;
    }

    private static int classOf(int powerOfTwoSize) {
        return Integer.numberOfTrailingZeros(powerOfTwoSize) - Integer.numberOfTrailingZeros(MIN_SIZE);
    }
}
