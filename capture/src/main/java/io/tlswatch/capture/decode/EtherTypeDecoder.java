package io.tlswatch.capture.decode;

import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_ETHERNET;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV4;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_IPV6;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_MPLS_MULTICAST;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_MPLS_UNICAST;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_PPPOE_SESSION;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_QINQ;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_QINQ_OLD;
import static io.tlswatch.capture.decode.LinkLayout.ETHERTYPE_VLAN;

import io.tlswatch.capture.Bytes;

/**
 * Follows a chain of EtherType-labelled headers (see {@link LinkLayout}) to an IPv4 or IPv6
 * header: Ethernet frames, 802.1Q/802.1ad tags, MPLS label stacks, PPPoE sessions. Stops with
 * {@link Cursor#next} set to an IP EtherType, or finishes with NOT_IP, a truncation, or
 * TOO_MANY_HEADERS when a chain is longer than its bound.
 */
final class EtherTypeDecoder {
    /** VLAN tags followed per frame; the first two are reported, a ninth is too many. */
    static final int MAX_VLAN_TAGS = 8;
    /** MPLS label stack entries followed. */
    static final int MAX_MPLS_LABELS = 8;
    /** Link-layer headers of any kind followed in one chain. */
    static final int MAX_LINK_HEADERS = 16;

    private EtherTypeDecoder() {
    }

    /** Follows the chain; VLAN ids are recorded only for the outermost link layer (before any IP). */
    static boolean toIp(Cursor c, DecodedPacket out) {
        int tags = 0;
        for (int headers = 0; headers < MAX_LINK_HEADERS; headers++) {
            switch (c.next) {
                case ETHERTYPE_IPV4:
                case ETHERTYPE_IPV6:
                    return true;
                case ETHERTYPE_ETHERNET:
                    if (!ethernet(c)) {
                        return false;
                    }
                    break;
                case ETHERTYPE_VLAN:
                case ETHERTYPE_QINQ:
                case ETHERTYPE_QINQ_OLD:
                    if (++tags > MAX_VLAN_TAGS) {
                        return c.finish(DecodeOutcome.TOO_MANY_HEADERS);
                    }
                    if (!vlanTag(c, out, tags)) {
                        return false;
                    }
                    break;
                case ETHERTYPE_MPLS_UNICAST:
                case ETHERTYPE_MPLS_MULTICAST:
                    if (!mplsStack(c)) {
                        return false;
                    }
                    break;
                case ETHERTYPE_PPPOE_SESSION:
                    if (!pppoe(c)) {
                        return false;
                    }
                    break;
                default:
                    return c.finish(DecodeOutcome.NOT_IP);
            }
        }
        return c.finish(DecodeOutcome.TOO_MANY_HEADERS);
    }

    private static boolean ethernet(Cursor c) {
        if (!c.has(LinkLayout.ETHERNET_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        c.next = Bytes.u16(c.b, c.at + LinkLayout.ETHERNET_TYPE_OFFSET);
        c.at += LinkLayout.ETHERNET_HEADER_LENGTH;
        return c.next >= LinkLayout.MIN_ETHERTYPE || c.finish(DecodeOutcome.NOT_IP);
    }

    private static boolean vlanTag(Cursor c, DecodedPacket out, int tagNumber) {
        if (!c.has(LinkLayout.VLAN_TAG_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        if (out.ipVersion == 0) {
            int vlanId = Bytes.u16(c.b, c.at) & LinkLayout.VLAN_ID_MASK;
            if (tagNumber == 1) {
                out.vlanId = vlanId;
            } else if (tagNumber == 2) {
                out.innerVlanId = vlanId;
            }
        }
        c.next = Bytes.u16(c.b, c.at + 2);
        c.at += LinkLayout.VLAN_TAG_LENGTH;
        return true;
    }

    /** Pops labels to the bottom of the stack, then looks at the first nibble of what follows. */
    private static boolean mplsStack(Cursor c) {
        for (int labels = 1; ; labels++) {
            if (labels > MAX_MPLS_LABELS) {
                return c.finish(DecodeOutcome.TOO_MANY_HEADERS);
            }
            if (!c.has(LinkLayout.MPLS_ENTRY_LENGTH)) {
                return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
            }
            boolean bottom = (Bytes.u8(c.b, c.at + 2) & LinkLayout.MPLS_BOTTOM_OF_STACK) != 0;
            c.at += LinkLayout.MPLS_ENTRY_LENGTH;
            if (bottom) {
                break;
            }
        }
        if (!c.has(1)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        switch (Bytes.u8(c.b, c.at) >>> 4) {
            case 4:
                c.next = ETHERTYPE_IPV4;
                return true;
            case 6:
                c.next = ETHERTYPE_IPV6;
                return true;
            case 0:
                if (!c.has(LinkLayout.MPLS_CONTROL_WORD_LENGTH)) {
                    return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
                }
                c.at += LinkLayout.MPLS_CONTROL_WORD_LENGTH;
                c.next = ETHERTYPE_ETHERNET;
                return true;
            default:
                return c.finish(DecodeOutcome.NOT_IP);
        }
    }

    private static boolean pppoe(Cursor c) {
        if (!c.has(LinkLayout.PPPOE_HEADER_LENGTH)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        if (Bytes.u8(c.b, c.at) != LinkLayout.PPPOE_VERSION_TYPE || Bytes.u8(c.b, c.at + 1) != 0) {
            return c.finish(DecodeOutcome.NOT_IP);
        }
        c.at += LinkLayout.PPPOE_HEADER_LENGTH;
        return ppp(c);
    }

    /**
     * A PPP frame: optional address and control bytes, a 1- or 2-byte protocol, then IPv4 or IPv6
     * (the chain ends there, {@link Cursor#next} set), or NOT_IP.
     */
    static boolean ppp(Cursor c) {
        if (c.has(2) && Bytes.u8(c.b, c.at) == LinkLayout.PPP_ADDRESS
                && Bytes.u8(c.b, c.at + 1) == LinkLayout.PPP_CONTROL) {
            c.at += 2;
        }
        if (!c.has(1)) {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        int protocol;
        if ((Bytes.u8(c.b, c.at) & 1) != 0) {
            protocol = Bytes.u8(c.b, c.at);
            c.at += 1;
        } else if (c.has(2)) {
            protocol = Bytes.u16(c.b, c.at);
            c.at += 2;
        } else {
            return c.finish(DecodeOutcome.TRUNCATED_LINK_HEADER);
        }
        if (protocol == LinkLayout.PPP_IPV4) {
            c.next = ETHERTYPE_IPV4;
        } else if (protocol == LinkLayout.PPP_IPV6) {
            c.next = ETHERTYPE_IPV6;
        } else {
            return c.finish(DecodeOutcome.NOT_IP);
        }
        return true;
    }
}
