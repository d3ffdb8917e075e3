package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.LinkLayout.AF_INET;
import static io.tlswatch.capture.decode.LinkLayout.AF_INET6_BSD;
import static io.tlswatch.capture.decode.LinkLayout.AF_INET6_DARWIN;
import static io.tlswatch.capture.decode.LinkLayout.AF_INET6_FREEBSD;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_ETHERNET;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV4;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV6;

import io.tlswatch.capture.Bytes;
import io.tlswatch.capture.LinkType;

/**
 * The first step of decoding: from the link type of a capture to the first header that
 * {@link EtherTypeDecoder} follows, as an EtherType at an offset. Ethernet itself is left to
 * {@link EtherTypeDecoder}, which also reads the Ethernet frames that tunnels carry.
 */
final class LinkLayerDecoder {
    private LinkLayerDecoder() {
    }

    static boolean decode(int linkType, Cursor c) {
        switch (linkType) {
            case LinkType.ETHERNET:
                c.next = ETHERTYPE_ETHERNET;
                return true;
            case LinkType.LINUX_SLL:
                return fixedHeader(c, LinkLayout.SLL_HEADER_LENGTH, LinkLayout.SLL_PROTOCOL_OFFSET);
            case LinkType.LINUX_SLL2:
                return fixedHeader(c, LinkLayout.SLL2_HEADER_LENGTH, LinkLayout.SLL2_PROTOCOL_OFFSET);
            case LinkType.NULL:
            case LinkType.LOOP:
                return loopback(c);
            case LinkType.RAW:
            case LinkType.DLT_RAW_BSD:
            case LinkType.DLT_RAW_OPENBSD:
                return rawIp(c);
            case LinkType.IPV4:
                c.next = ETHERTYPE_IPV4;
                return true;
            case LinkType.IPV6:
                c.next = ETHERTYPE_IPV6;
                return true;
            case LinkType.PPP:
                return EtherTypeDecoder.ppp(c);
            default:
                return c.finish(DecodeOutcome.UNSUPPORTED_LINK_TYPE);
        }
    }

    /** A header of fixed length with a 16-bit EtherType at a fixed offset (Linux SLL, SLL2). */
    private static boolean fixedHeader(Cursor c, int length, int protocolOffset) {
        if (!c.has(length)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        c.next = Bytes.u16(c.b, c.at + protocolOffset);
        c.at += length;
        return true;
    }

    /**
     * BSD loopback: a 4-byte address family, in the capturing host's byte order (NULL) or network
     * order (LOOP). Families fit in 16 bits, so a value with high bits set was written the other way.
     */
    private static boolean loopback(Cursor c) {
        if (!c.has(LinkLayout.NULL_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        int family = Bytes.i32le(c.b, c.at);
        if ((family & 0xffff0000) != 0) {
            family = Integer.reverseBytes(family);
        }
        c.at += LinkLayout.NULL_HEADER_LENGTH;
        switch (family) {
            case AF_INET:
                c.next = ETHERTYPE_IPV4;
                return true;
            case AF_INET6_BSD:
            case AF_INET6_FREEBSD:
            case AF_INET6_DARWIN:
                c.next = ETHERTYPE_IPV6;
                return true;
            default:
                return c.finish(DecodeOutcome.NOT_IP);
        }
    }

    /** Raw IP: the version is the first nibble. */
    static boolean rawIp(Cursor c) {
        if (!c.has(1)) {
            return c.finish(DecodeOutcome.TRUNCATED_IP_HEADER);
        }
        int version = Bytes.u8(c.b, c.at) >>> 4;
        if (version == 4) {
            c.next = ETHERTYPE_IPV4;
        } else if (version == 6) {
            c.next = ETHERTYPE_IPV6;
        } else {
            return c.finish(DecodeOutcome.BAD_IP_HEADER);
        }
        return true;
    }
}
