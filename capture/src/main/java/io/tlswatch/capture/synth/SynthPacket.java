package io.tlswatch.capture.synth;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;

/**
 * A frame a conversation wrote, kept: its capture time and its bytes (an Ethernet frame, link type
 * {@link LinkType#ETHERNET}).
 */
public record SynthPacket(long timestampNanos, byte[] frame) {

    /** Points {@code record} at this packet, as a capture source would (whole frame, interface 0). */
    public PacketRecord into(PacketRecord record) {
        record.set(frame, 0, frame.length, frame.length, timestampNanos, LinkType.ETHERNET, 0);
        return record;
    }

    @Override
    public String toString() {
        return "packet at " + timestampNanos + " of " + frame.length + " bytes";
    }
}
