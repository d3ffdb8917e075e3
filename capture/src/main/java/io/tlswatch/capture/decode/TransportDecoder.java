package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.TransportLayout.DESTINATION_PORT_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.SOURCE_PORT_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.TCP_ACK_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.TCP_DATA_OFFSET_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.TCP_FLAGS_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.TCP_MIN_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TransportLayout.TCP_SEQ_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.TCP_WINDOW_OFFSET;
import static io.tlswatch.capture.decode.TransportLayout.UDP_HEADER_LENGTH;
import static io.tlswatch.capture.decode.TransportLayout.UDP_LENGTH_OFFSET;

import io.tlswatch.capture.Bytes;

/**
 * Decodes TCP and UDP headers (see {@link TransportLayout}) at the cursor, within the IP payload.
 * The payload's captured length stops at the captured bytes; its length on the wire comes from the
 * IP (and, for UDP, the UDP) lengths.
 */
final class TransportDecoder {
    private TransportDecoder() {
    }

    /** Always finishes: TCP, or why the header cannot be read. */
    static boolean tcp(Cursor c, DecodedPacket out) {
        byte[] b = c.b;
        int at = c.at;
        if (!header(c, TCP_MIN_HEADER_LENGTH)) {
            return false;
        }
        int headerLength = (Bytes.u8(b, at + TCP_DATA_OFFSET_OFFSET) >>> 4) * 4;
        if (headerLength < TCP_MIN_HEADER_LENGTH || at + (long) headerLength > c.wireEnd) {
            return c.finish(DecodeOutcome.BAD_TRANSPORT_HEADER);
        }
        if (!c.has(headerLength)) {
            return c.finish(DecodeOutcome.TRUNCATED_TRANSPORT_HEADER);
        }
        ports(b, at, out);
        out.tcpSeq = Bytes.u32(b, at + TCP_SEQ_OFFSET);
        out.tcpAck = Bytes.u32(b, at + TCP_ACK_OFFSET);
        out.tcpFlags = Bytes.u8(b, at + TCP_FLAGS_OFFSET);
        out.tcpWindow = Bytes.u16(b, at + TCP_WINDOW_OFFSET);
        payload(c, out, at + headerLength);
        return c.finish(DecodeOutcome.TCP);
    }

    /**
     * Decodes a UDP header and leaves the cursor at its payload, bounded by the UDP length, for a
     * tunnel to look at; {@code false} when the header cannot be read.
     */
    static boolean udp(Cursor c, DecodedPacket out) {
        byte[] b = c.b;
        int at = c.at;
        if (!header(c, UDP_HEADER_LENGTH)) {
            return false;
        }
        int udpLength = Bytes.u16(b, at + UDP_LENGTH_OFFSET);
        if (udpLength < UDP_HEADER_LENGTH) {
            return c.finish(DecodeOutcome.BAD_TRANSPORT_HEADER);
        }
        ports(b, at, out);
        c.wireEnd = Math.min(c.wireEnd, at + (long) udpLength);
        c.end = (int) Math.min(c.end, c.wireEnd);
        payload(c, out, at + UDP_HEADER_LENGTH);
        c.at = out.payloadOffset;
        return true;
    }

    /** Whether a fixed header fits: BAD when the IP lengths leave no room for it, TRUNCATED when the capture cut it. */
    private static boolean header(Cursor c, int length) {
        if (c.at + (long) length > c.wireEnd) {
            return c.finish(DecodeOutcome.BAD_TRANSPORT_HEADER);
        }
        return c.has(length) || c.finish(DecodeOutcome.TRUNCATED_TRANSPORT_HEADER);
    }

    private static void ports(byte[] b, int at, DecodedPacket out) {
        out.transportOffset = at;
        out.srcPort = Bytes.u16(b, at + SOURCE_PORT_OFFSET);
        out.dstPort = Bytes.u16(b, at + DESTINATION_PORT_OFFSET);
    }

    private static void payload(Cursor c, DecodedPacket out, int payloadOffset) {
        out.payloadOffset = payloadOffset;
        out.payloadLength = Math.max(0, c.end - payloadOffset);
        out.payloadLengthOnWire = (int) Math.max(0, c.wireEnd - payloadOffset);
    }
}
