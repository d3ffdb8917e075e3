package io.tlswatch.analyzer.synth;

import io.tlswatch.capture.synth.FrameSink;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import java.io.IOException;

/**
 * Writes the steps of all flows to one sink on one capture clock, so the file reads like a link:
 * each step is a short {@link TcpConversation} that starts where the previous step, of whichever
 * flow, ended, with {@link #PACKET_GAP_NANOS} between packets. Counts what it writes.
 */
final class StepWriter implements FrameSink {
    /** Capture time between one packet and the next: 1,460-byte segments back to back at about 1.2 Gbit/s. */
    static final long PACKET_GAP_NANOS = 10_000;

    private final FrameSink sink;
    private long clock;
    private long packets;
    private long frameBytes;

    StepWriter(FrameSink sink, long startNanos) {
        this.sink = sink;
        this.clock = startNanos;
    }

    /** A conversation for the next step of a flow between these ends, on the capture clock. */
    TcpConversation begin(TcpEndpoint client, TcpEndpoint server) {
        return TcpConversation.between(client, server).startAt(clock).timeStep(PACKET_GAP_NANOS);
    }

    /** Writes the step's packets and moves the clock past them. */
    void write(TcpConversation step) throws IOException {
        step.writeTo(this);
        clock = step.endNanos() + PACKET_GAP_NANOS;
    }

    @Override
    public void frame(long timestampNanos, byte[] buffer, int offset, int length) throws IOException {
        packets++;
        frameBytes += length;
        sink.frame(timestampNanos, buffer, offset, length);
    }

    long packets() {
        return packets;
    }

    /** Bytes of the frames written (Ethernet header to the end of the payload). */
    long frameBytes() {
        return frameBytes;
    }

    /** Capture time of the next packet. */
    long clock() {
        return clock;
    }
}
