package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.IpLayout.IPV4_DESTINATION_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV4_FRAGMENT_MASK;
import static io.tlswatch.capture.decode.IpLayout.IPV4_FRAGMENT_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV4_MAPPED_PREFIX;
import static io.tlswatch.capture.decode.IpLayout.IPV4_MIN_HEADER_LENGTH;
import static io.tlswatch.capture.decode.IpLayout.IPV4_PROTOCOL_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV4_SOURCE_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV4_TOTAL_LENGTH_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV4_TTL_OFFSET;

import io.tlswatch.capture.Bytes;

/**
 * Decodes an IPv4 header (see {@link IpLayout}): addresses as IPv4-mapped IPv6, protocol, TTL;
 * options skipped. Leaves the cursor at the transport header with its end bounded by the total
 * length, so Ethernet padding is never payload.
 *
 * <p>A total length of 0 is taken as "to the end of the frame": that is how captures show packets
 * that TCP segmentation offload had not cut yet. Fragments (more-fragments set or a nonzero offset,
 * the first fragment included) finish as IP_FRAGMENT, with the addresses and protocol filled in.
 */
final class Ipv4Decoder {
    private Ipv4Decoder() {
    }

    static boolean decode(Cursor c, DecodedPacket out) {
        byte[] b = c.b;
        int at = c.at;
        if (!c.has(IPV4_MIN_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_IP_HEADER);
        }
        int versionAndLength = Bytes.u8(b, at);
        int headerLength = (versionAndLength & 0x0f) * 4;
        if (versionAndLength >>> 4 != 4 || headerLength < IPV4_MIN_HEADER_LENGTH) {
            return c.finish(DecodeOutcome.BAD_IP_HEADER);
        }
        if (!c.has(headerLength)) {
            return c.finish(DecodeOutcome.TRUNCATED_IP_HEADER);
        }
        int totalLength = Bytes.u16(b, at + IPV4_TOTAL_LENGTH_OFFSET);
        long wireEnd = c.wireEnd;
        if (totalLength != 0) {
            if (totalLength < headerLength) {
                return c.finish(DecodeOutcome.BAD_IP_HEADER);
            }
            wireEnd = Math.min(wireEnd, at + (long) totalLength);
        }
        if (wireEnd < at + (long) headerLength) {
            return c.finish(DecodeOutcome.BAD_IP_HEADER);
        }
        out.ipVersion = 4;
        out.ipOffset = at;
        out.ttl = Bytes.u8(b, at + IPV4_TTL_OFFSET);
        out.ipProtocol = Bytes.u8(b, at + IPV4_PROTOCOL_OFFSET);
        out.srcAddrHi = 0;
        out.srcAddrLo = IPV4_MAPPED_PREFIX | Bytes.u32(b, at + IPV4_SOURCE_OFFSET);
        out.dstAddrHi = 0;
        out.dstAddrLo = IPV4_MAPPED_PREFIX | Bytes.u32(b, at + IPV4_DESTINATION_OFFSET);
        if ((Bytes.u16(b, at + IPV4_FRAGMENT_OFFSET) & IPV4_FRAGMENT_MASK) != 0) {
            return c.finish(DecodeOutcome.IP_FRAGMENT);
        }
        c.at = at + headerLength;
        c.end = (int) Math.min(c.end, wireEnd);
        c.wireEnd = wireEnd;
        return true;
    }
}
