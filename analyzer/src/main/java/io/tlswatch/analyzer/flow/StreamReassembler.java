package io.tlswatch.analyzer.flow;

import java.util.Arrays;

/**
 * One direction of a TCP connection: puts payload segments back in sequence order and hands the
 * contiguous bytes to a {@link StreamConsumer}, within a bounded window.
 *
 * <p>The buffer holds the stream from {@code baseSeq} (the first byte the consumer has not taken)
 * up to {@code window} bytes further. Segments are written where their sequence numbers say,
 * whatever order they arrive in; a short sorted list of byte ranges says which parts are filled.
 * Whenever the ranges start at the base, the consumer sees the contiguous prefix and says how many
 * bytes it took; it may take more than it was shown, which skips stream bytes it does not need
 * (the bodies of encrypted records) without buffering them.
 *
 * <p>Policy for overlapping retransmissions: the first copy of a byte wins, as in Suricata's
 * "first" policy and Zeek's reassembler; later copies are ignored and counted, and counted
 * separately when they disagree with the bytes already held. Picking the first copy means that
 * what we parse is what arrived first at the tap, which is what a receiver that was not fooled
 * by a crafted retransmission would have accepted.
 *
 * <p>Connections picked up without a SYN start at the first payload seen; bytes before it are
 * lost for this stream. A hole that is still open when data past the window arrives is a gap:
 * the stream stops (as Zeek stops parsing at a content gap) and says so through {@link #state()}.
 *
 * <p>Allocation-free per segment; the buffer comes from a {@link BufferPool} and grows in powers of
 * two only as far as the stream needs. Not thread-safe: owned by one worker.
 */
public final class StreamReassembler {

    /** Takes contiguous stream bytes. */
    @FunctionalInterface
    public interface StreamConsumer {
        /**
         * @return how many bytes were taken (0 = needs more); more than {@code len} skips the
         *         stream bytes beyond those shown
         */
        long consume(byte[] buf, int off, int len);
    }

    /** Where a stream stands. Everything but {@link #ACTIVE} is final until {@link #reset()}. */
    public enum State { ACTIVE, GAP, WINDOW_OVERFLOW, NO_MEMORY, CLOSED }

    private static final long SEQ_MASK = 0xffff_ffffL;

    private final BufferPool pool;
    private final ReassemblyCounters counters;
    private final int window;
    private final int[] rangeStart;
    private final int[] rangeEnd;

    private int ranges;
    private boolean started;
    private long baseSeq;
    private long streamOffset;
    private byte[] buf;
    private State state = State.ACTIVE;

    /**
     * @param window    most bytes held ahead of the consumer (and the largest buffer taken)
     * @param maxRanges most separate filled ranges (1 + holes) held at once
     */
    public StreamReassembler(BufferPool pool, ReassemblyCounters counters, int window, int maxRanges) {
        if (window > pool.maxSize()) {
            throw new IllegalArgumentException("window " + window + " exceeds the pool's largest buffer");
        }
        this.pool = pool;
        this.counters = counters;
        this.window = window;
        this.rangeStart = new int[maxRanges];
        this.rangeEnd = new int[maxRanges];
    }

    /** Forgets the stream and returns its buffer, so the object can serve another connection. */
    public void reset() {
        pool.release(buf);
        buf = null;
        ranges = 0;
        started = false;
        baseSeq = 0;
        streamOffset = 0;
        state = State.ACTIVE;
    }

    /** A SYN from this direction: the stream starts after its sequence number. */
    public void onSyn(long seq) {
        if (!started) {
            baseSeq = (seq + 1) & SEQ_MASK;
            started = true;
        }
    }

    /** Ends the stream: no more data is taken, the buffer goes back to the pool. */
    public void close() {
        if (state != State.ACTIVE) {
            return;
        }
        if (hasHole()) {
            counters.gaps++;
            stop(State.GAP);
        } else {
            stop(State.CLOSED);
        }
    }

    /** Offers one segment's payload; contiguous bytes go to {@code consumer} before this returns. */
    public void onSegment(long seq, byte[] data, int off, int len, StreamConsumer consumer) {
        if (state != State.ACTIVE || len <= 0) {
            return;
        }
        counters.segments++;
        if (!started) {
            baseSeq = seq & SEQ_MASK;
            started = true;
        }
        long rel = (int) (seq - baseSeq);
        long end = rel + len;
        if (end <= 0) {
            counters.segmentsBeforeWindow++;
            return;
        }
        int from = (int) Math.max(rel, 0);
        if (from != contiguousEnd()) {
            counters.outOfOrderSegments++;
        }
        if (from >= window) {
            pastWindow();
            return;
        }
        int to = (int) Math.min(end, window);
        if (to < end) {
            counters.segmentsPastWindow++;
        }
        if (!store(data, off + (from - (int) rel), from, to)) {
            return;
        }
        deliver(consumer);
    }

    public State state() {
        return state;
    }

    /** Bytes of the stream taken or skipped by the consumer so far. */
    public long streamOffset() {
        return streamOffset;
    }

    /** Bytes held but not yet taken, contiguous or not. */
    public int bufferedBytes() {
        return ranges == 0 ? 0 : rangeEnd[ranges - 1];
    }

    private int contiguousEnd() {
        return ranges > 0 && rangeStart[0] == 0 ? rangeEnd[0] : 0;
    }

    /** Whether bytes are held beyond a hole: a segment is missing before data that came after it. */
    private boolean hasHole() {
        return ranges > 1 || ranges == 1 && rangeStart[0] > 0;
    }

    private void pastWindow() {
        counters.segmentsPastWindow++;
        if (ranges == 0 || hasHole()) {
            counters.gaps++;
            stop(State.GAP);
        } else {
            counters.windowOverflows++;
            stop(State.WINDOW_OVERFLOW);
        }
    }

    /** Ends the stream in a final state and gives its buffer back. */
    private void stop(State finalState) {
        state = finalState;
        pool.release(buf);
        buf = null;
        ranges = 0;
    }

    /** Writes [from, to) where no byte is held yet and records the range; false if refused. */
    private boolean store(byte[] data, int dataOff, int from, int to) {
        int first = 0;
        while (first < ranges && rangeEnd[first] < from) {
            first++;
        }
        int last = ranges - 1;
        while (last >= 0 && rangeStart[last] > to) {
            last--;
        }
        if (first > last && ranges == rangeStart.length) {
            counters.segmentsTooManyHoles++;
            return false;
        }
        if (!ensureCapacity(to)) {
            return false;
        }
        int cursor = from;
        for (int i = first; i <= last && cursor < to; i++) {
            if (rangeStart[i] > cursor) {
                copy(data, dataOff, from, cursor, rangeStart[i]);
            }
            int overlapFrom = Math.max(cursor, rangeStart[i]);
            int overlapTo = Math.min(to, rangeEnd[i]);
            if (overlapTo > overlapFrom) {
                countOverlap(data, dataOff + (overlapFrom - from), overlapFrom, overlapTo - overlapFrom);
            }
            cursor = Math.max(cursor, rangeEnd[i]);
        }
        if (cursor < to) {
            copy(data, dataOff, from, cursor, to);
        }
        merge(first, last, from, to);
        return true;
    }

    private void copy(byte[] data, int dataOff, int from, int copyFrom, int copyTo) {
        System.arraycopy(data, dataOff + (copyFrom - from), buf, copyFrom, copyTo - copyFrom);
    }

    private void countOverlap(byte[] data, int dataOff, int at, int length) {
        counters.overlapBytes += length;
        if (Arrays.mismatch(data, dataOff, dataOff + length, buf, at, at + length) >= 0) {
            counters.overlapConflicts++;
        }
    }

    /** Replaces ranges first..last (which touch [from, to)) with their union, or inserts [from, to). */
    private void merge(int first, int last, int from, int to) {
        if (first > last) {
            System.arraycopy(rangeStart, first, rangeStart, first + 1, ranges - first);
            System.arraycopy(rangeEnd, first, rangeEnd, first + 1, ranges - first);
            rangeStart[first] = from;
            rangeEnd[first] = to;
            ranges++;
            return;
        }
        int start = Math.min(from, rangeStart[first]);
        int end = Math.max(to, rangeEnd[last]);
        int removed = last - first;
        rangeStart[first] = start;
        rangeEnd[first] = end;
        System.arraycopy(rangeStart, last + 1, rangeStart, first + 1, ranges - last - 1);
        System.arraycopy(rangeEnd, last + 1, rangeEnd, first + 1, ranges - last - 1);
        ranges -= removed;
    }

    private boolean ensureCapacity(int needed) {
        if (buf == null) {
            buf = pool.acquire(needed);
        } else if (buf.length < needed) {
            byte[] bigger = pool.grow(buf, bufferedBytes(), needed);
            if (bigger != null) {
                buf = bigger;
            } else {
                pool.release(buf);
                buf = null;
            }
        }
        if (buf == null) {
            counters.noMemory++;
            stop(State.NO_MEMORY);
            return false;
        }
        return true;
    }

    private void deliver(StreamConsumer consumer) {
        while (state == State.ACTIVE && ranges > 0 && rangeStart[0] == 0) {
            int available = rangeEnd[0];
            long taken = consumer.consume(buf, 0, available);
            if (taken <= 0) {
                if (available >= window) {
                    counters.windowOverflows++;
                    stop(State.WINDOW_OVERFLOW);
                }
                return;
            }
            advance(taken);
        }
    }

    /** Moves the base forward by n bytes: drops what the consumer took (or skipped). */
    private void advance(long n) {
        baseSeq = (baseSeq + n) & SEQ_MASK;
        streamOffset += n;
        int held = bufferedBytes();
        int kept = 0;
        for (int i = 0; i < ranges; i++) {
            long s = rangeStart[i] - n;
            long e = rangeEnd[i] - n;
            if (e > 0) {
                rangeStart[kept] = (int) Math.max(s, 0);
                rangeEnd[kept] = (int) e;
                kept++;
            }
        }
        ranges = kept;
        if (held > n) {
            System.arraycopy(buf, (int) n, buf, 0, held - (int) n);
        }
    }
}
