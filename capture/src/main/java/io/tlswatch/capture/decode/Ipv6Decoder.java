package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.IpLayout.AUTHENTICATION;
import static io.tlswatch.capture.decode.IpLayout.DESTINATION_OPTIONS;
import static io.tlswatch.capture.decode.IpLayout.EXTENSION_MIN_LENGTH;
import static io.tlswatch.capture.decode.IpLayout.FRAGMENT;
import static io.tlswatch.capture.decode.IpLayout.FRAGMENT_HEADER_LENGTH;
import static io.tlswatch.capture.decode.IpLayout.FRAGMENT_OFFSET_AND_M_MASK;
import static io.tlswatch.capture.decode.IpLayout.FRAGMENT_OFFSET_FIELD;
import static io.tlswatch.capture.decode.IpLayout.HIP;
import static io.tlswatch.capture.decode.IpLayout.HOP_BY_HOP;
import static io.tlswatch.capture.decode.IpLayout.IPV6_DESTINATION_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV6_HEADER_LENGTH;
import static io.tlswatch.capture.decode.IpLayout.IPV6_HOP_LIMIT_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV6_NEXT_HEADER_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV6_PAYLOAD_LENGTH_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.IPV6_SOURCE_OFFSET;
import static io.tlswatch.capture.decode.IpLayout.MOBILITY;
import static io.tlswatch.capture.decode.IpLayout.ROUTING;
import static io.tlswatch.capture.decode.IpLayout.SHIM6;

import io.tlswatch.capture.Bytes;

/**
 * Decodes an IPv6 header and its extension headers (see {@link IpLayout}): hop-by-hop, routing,
 * destination options, mobility, HIP, shim6, AH and fragment headers, at most
 * {@link #MAX_EXTENSION_HEADERS}. {@link DecodedPacket#ipProtocol} is the upper-layer protocol after
 * them; the cursor is left at its header with its end bounded by the payload length.
 *
 * <p>A payload length of 0 (a jumbogram, or a packet captured before segmentation offload cut it)
 * is taken as "to the end of the frame", as for IPv4. A fragment header finishes as IP_FRAGMENT
 * unless it is an atomic fragment (offset 0 and M clear, RFC 6946), which is read through. An
 * extension header past the captured bytes is TRUNCATED_IP_HEADER; past the payload length,
 * BAD_IP_HEADER.
 */
final class Ipv6Decoder {
    static final int MAX_EXTENSION_HEADERS = 8;

    private Ipv6Decoder() {
    }

    static boolean decode(Cursor c, DecodedPacket out) {
        byte[] b = c.b;
        int at = c.at;
        if (!c.has(IPV6_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_IP_HEADER);
        }
        if (Bytes.u8(b, at) >>> 4 != 6) {
            return c.finish(DecodeOutcome.BAD_IP_HEADER);
        }
        int payloadLength = Bytes.u16(b, at + IPV6_PAYLOAD_LENGTH_OFFSET);
        long wireEnd = c.wireEnd;
        if (payloadLength != 0) {
            wireEnd = Math.min(wireEnd, at + (long) IPV6_HEADER_LENGTH + payloadLength);
        }
        out.ipVersion = 6;
        out.ipOffset = at;
        out.ttl = Bytes.u8(b, at + IPV6_HOP_LIMIT_OFFSET);
        out.srcAddrHi = Bytes.i64(b, at + IPV6_SOURCE_OFFSET);
        out.srcAddrLo = Bytes.i64(b, at + IPV6_SOURCE_OFFSET + 8);
        out.dstAddrHi = Bytes.i64(b, at + IPV6_DESTINATION_OFFSET);
        out.dstAddrLo = Bytes.i64(b, at + IPV6_DESTINATION_OFFSET + 8);
        c.end = (int) Math.min(c.end, wireEnd);
        c.wireEnd = wireEnd;
        c.at = at + IPV6_HEADER_LENGTH;
        return extensionHeaders(c, out, Bytes.u8(b, at + IPV6_NEXT_HEADER_OFFSET));
    }

    private static boolean extensionHeaders(Cursor c, DecodedPacket out, int nextHeader) {
        for (int count = 0; ; count++) {
            out.ipProtocol = nextHeader;
            int length;
            switch (nextHeader) {
                case HOP_BY_HOP: case ROUTING: case DESTINATION_OPTIONS: case MOBILITY: case HIP: case SHIM6:
                    if (!present(c, 2)) {
                        return false;
                    }
                    length = (Bytes.u8(c.b, c.at + 1) + 1) * EXTENSION_MIN_LENGTH;
                    break;
                case AUTHENTICATION:
                    if (!present(c, 2)) {
                        return false;
                    }
                    length = (Bytes.u8(c.b, c.at + 1) + 2) * 4;
                    break;
                case FRAGMENT:
                    if (!present(c, FRAGMENT_HEADER_LENGTH)) {
                        return false;
                    }
                    if ((Bytes.u16(c.b, c.at + FRAGMENT_OFFSET_FIELD) & FRAGMENT_OFFSET_AND_M_MASK) != 0) {
                        return c.finish(DecodeOutcome.IP_FRAGMENT);
                    }
                    length = FRAGMENT_HEADER_LENGTH;
                    break;
                default:
                    return true;
            }
            if (count == MAX_EXTENSION_HEADERS) {
                return c.finish(DecodeOutcome.TOO_MANY_HEADERS);
            }
            if (!present(c, length)) {
                return false;
            }
            nextHeader = Bytes.u8(c.b, c.at);
            c.at += length;
        }
    }

    /** Whether n bytes of an extension header are there: inside the payload length and captured. */
    private static boolean present(Cursor c, int n) {
        if (c.at + (long) n > c.wireEnd) {
            return c.finish(DecodeOutcome.BAD_IP_HEADER);
        }
        return c.has(n) || c.finish(DecodeOutcome.TRUNCATED_IP_HEADER);
    }
}
