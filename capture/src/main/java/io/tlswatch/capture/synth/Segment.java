package io.tlswatch.capture.synth;

import io.tlswatch.capture.decode.DecodedPacket;

/**
 * One TCP segment of a {@link TcpConversation}, as scheduled: who sends it, its header fields and
 * the payload it carries. Immutable; the payload is a slice of an array the conversation was given
 * (not copied), so callers do not change those arrays afterwards.
 *
 * @param from       the side that sends it
 * @param flags      TCP flags, the {@code DecodedPacket.TCP_*} bits
 * @param seq        sequence number, unsigned 32 bits
 * @param ack        acknowledgement number, unsigned 32 bits (0 without the ACK flag)
 * @param window     the sender's receive window
 * @param data       the array holding the payload
 * @param offset     where the payload starts in {@code data}
 * @param length     payload bytes (0 for a bare SYN, ACK, FIN or RST)
 * @param pauseNanos extra time before this packet, on top of the conversation's time step
 */
public record Segment(Side from, int flags, long seq, long ack, int window, byte[] data, int offset, int length,
                      long pauseNanos) {
    static final byte[] NO_DATA = new byte[0];

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * Sequence space the segment takes: its payload plus one for SYN and one for FIN
     * (RFC 9293 3.4).
     */
    public long sequenceLength() {
        return length + (has(DecodedPacket.TCP_SYN) ? 1 : 0) + (has(DecodedPacket.TCP_FIN) ? 1 : 0);
    }

    /** The same segment with other payload bytes (a retransmission that disagrees). */
    Segment withData(byte[] other) {
        return new Segment(from, flags, seq, ack, window, other, 0, other.length, pauseNanos);
    }

    /** The same segment, sent without an extra pause. */
    Segment withoutPause() {
        return pauseNanos == 0 ? this : new Segment(from, flags, seq, ack, window, data, offset, length, 0);
    }

    @Override
    public String toString() {
        return from + " seq " + seq + " ack " + ack + " flags 0x" + Integer.toHexString(flags) + " len " + length;
    }
}
