package io.tlswatch.capture.decode;

import io.tlswatch.capture.PacketRecord;

/**
 * Locates the L2 to L4 headers of a packet by offset and writes what it found into a reused
 * {@link DecodedPacket}. Pure and allocation-free: it never throws for malformed bytes, it
 * returns the {@link DecodeOutcome} that says why a packet was not decoded.
 */
public interface PacketDecoder {
    DecodeOutcome decode(PacketRecord packet, DecodedPacket out);
}
