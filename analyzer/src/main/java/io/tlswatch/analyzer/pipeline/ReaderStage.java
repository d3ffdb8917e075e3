package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.flow.FlowKey;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeCounters;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import org.agrona.concurrent.AtomicBuffer;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;

/**
 * The reader's side of the pipeline, on the thread that reads the capture: decodes each packet far
 * enough to know its flow, and copies it into the ring of the worker that owns that flow (a
 * symmetric hash of both endpoints, so both directions go to the same worker). Keeps the monotonic
 * packet clock that every worker uses, and ticks every worker now and then so that idle shards
 * still expire flows and advance. A full ring makes the reader wait (a replay loses nothing), or,
 * for a live capture ({@link #offer}), drops the packet and says so.
 */
final class ReaderStage {
    /** Packets between ticks to every worker. */
    private static final int TICK_EVERY = 4096;

    private final OneToOneRingBuffer[] rings;
    private final PipelineFailure failure;
    private final StandardPacketDecoder decoder = new StandardPacketDecoder();
    private final DecodedPacket decoded = new DecodedPacket();
    private final DecodeCounters counters = new DecodeCounters();
    private final FlowKey key = new FlowKey();
    /** Waiting for a worker to make room: park briefly, the worker needs the CPU. */
    private final IdleStrategy full = new BackoffIdleStrategy(1, 1, 10_000, 200_000);
    private long clock = Long.MIN_VALUE;
    private int sinceTick;
    private long ringFullWaits;

    ReaderStage(OneToOneRingBuffer[] rings, PipelineFailure failure) {
        this.rings = rings;
        this.failure = failure;
    }

    void onPacket(PacketRecord p) {
        read(p, true);
    }

    /**
     * As {@link #onPacket}, but a full ring drops the packet instead of waiting: a live capture
     * cannot pause the wire, and waiting would only move the loss into the kernel's buffer.
     *
     * @return false if the packet was dropped (its worker's ring was full)
     */
    boolean offer(PacketRecord p) {
        return read(p, false);
    }

    private boolean read(PacketRecord p, boolean wait) {
        DecodeOutcome outcome = decoder.decode(p, decoded);
        counters.count(outcome);
        clock = Math.max(clock, p.timestampNanos());
        boolean taken = true;
        if (outcome.isDecoded()) {
            int shard = Math.floorMod(key.set(decoded).hash(), rings.length);
            taken = writePacket(rings[shard], p, wait);
        }
        if (++sinceTick >= TICK_EVERY) {
            tickAll();
        }
        return taken;
    }

    /**
     * Time passes without packets (a quiet live link): the clock moves on to {@code nowNanos} (never
     * back) and every worker is ticked, so idle flows expire and finished sessions are released.
     */
    void advanceClock(long nowNanos) {
        clock = Math.max(clock, nowNanos);
        tickAll();
    }

    private boolean writePacket(OneToOneRingBuffer ring, PacketRecord p, boolean wait) {
        int length = PacketRecordLayout.HEADER_LENGTH + p.capturedLength();
        int index = wait ? claim(ring, PacketRecordLayout.PACKET, length) : ring.tryClaim(PacketRecordLayout.PACKET, length);
        if (index < 0) {
            if (index != RingBuffer.INSUFFICIENT_CAPACITY) {
                throw new IllegalStateException("ring refused a record of " + length + " bytes: " + index);
            }
            return false;
        }
        AtomicBuffer b = ring.buffer();
        b.putLong(index + PacketRecordLayout.CLOCK_OFFSET, clock);
        b.putLong(index + PacketRecordLayout.TIMESTAMP_OFFSET, p.timestampNanos());
        b.putInt(index + PacketRecordLayout.LINK_TYPE_OFFSET, p.linkType());
        b.putInt(index + PacketRecordLayout.INTERFACE_OFFSET, p.interfaceIndex());
        b.putInt(index + PacketRecordLayout.ORIGINAL_LENGTH_OFFSET, p.originalLength());
        b.putBytes(index + PacketRecordLayout.HEADER_LENGTH, p.data(), p.offset(), p.capturedLength());
        ring.commit(index);
        return true;
    }

    /** Every worker learns the clock (its idle flows expire, its watermark advances). */
    void tickAll() {
        sinceTick = 0;
        if (clock == Long.MIN_VALUE) {
            return;
        }
        for (OneToOneRingBuffer ring : rings) {
            int index = claim(ring, PacketRecordLayout.TICK, PacketRecordLayout.TICK_LENGTH);
            ring.buffer().putLong(index + PacketRecordLayout.CLOCK_OFFSET, clock);
            ring.commit(index);
        }
    }

    /** The end of the input: a last tick, then END to every worker. */
    void end() {
        tickAll();
        for (OneToOneRingBuffer ring : rings) {
            int index = claim(ring, PacketRecordLayout.END, PacketRecordLayout.TICK_LENGTH);
            ring.buffer().putLong(index + PacketRecordLayout.CLOCK_OFFSET, clock);
            ring.commit(index);
        }
    }

    private int claim(OneToOneRingBuffer ring, int type, int length) {
        while (true) {
            int index = ring.tryClaim(type, length);
            if (index > 0) {
                full.reset();
                return index;
            }
            if (index != RingBuffer.INSUFFICIENT_CAPACITY) {
                throw new IllegalStateException("ring refused a record of " + length + " bytes: " + index);
            }
            if (failure.failed()) {
                failure.rethrow();
            }
            ringFullWaits++;
            full.idle();
        }
    }

    DecodeCounters decodeCounters() {
        return counters;
    }

    /** How often the reader waited for a worker to make room. */
    long ringFullWaits() {
        return ringFullWaits;
    }
}
