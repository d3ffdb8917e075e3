package io.tlswatch.capture;

/**
 * Link-layer header types (LINKTYPE_ values, https://www.tcpdump.org/linktypes.html) that the
 * decoder understands. pcap and pcapng store these numbers; a few DLT_ values that differ by
 * platform are mapped onto them by the readers.
 */
public final class LinkType {
    /** BSD loopback: a 4-byte address family in the byte order of the capturing host. */
    public static final int NULL = 0;
    /** Ethernet II, with optional 802.1Q / 802.1ad tags. */
    public static final int ETHERNET = 1;
    /** PPP (RFC 1661), with or without the HDLC-like address and control bytes. */
    public static final int PPP = 9;
    /** Raw IPv4 or IPv6, version from the first nibble. */
    public static final int RAW = 101;
    /** OpenBSD loopback: like NULL, but the family is in network byte order. */
    public static final int LOOP = 108;
    /** Linux cooked capture v1 (16-byte header). */
    public static final int LINUX_SLL = 113;
    /** Raw IPv4 only. */
    public static final int IPV4 = 228;
    /** Raw IPv6 only. */
    public static final int IPV6 = 229;
    /** Linux cooked capture v2 (20-byte header). */
    public static final int LINUX_SLL2 = 276;
    /** DLT_RAW as some BSDs number it in pcap files. */
    public static final int DLT_RAW_BSD = 12;
    /** DLT_RAW as OpenBSD numbers it. */
    public static final int DLT_RAW_OPENBSD = 14;

    private LinkType() {
    }

    /** Whether {@link io.tlswatch.capture.decode.PacketDecoder} can decode this link type. */
    public static boolean isSupported(int linkType) {
        switch (linkType) {
            case NULL: case ETHERNET: case PPP: case RAW: case LOOP: case LINUX_SLL: case IPV4: case IPV6:
            case LINUX_SLL2: case DLT_RAW_BSD: case DLT_RAW_OPENBSD:
                return true;
            default:
                return false;
        }
    }
}
