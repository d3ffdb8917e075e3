package io.tlswatch.capture.decode;

/**
 * Byte layouts of the link-layer headers the decoder follows, and the EtherType values that chain
 * them. Offsets are from the start of each header; all fields are in network byte order unless
 * said otherwise.
 *
 * <pre>
 * Ethernet II (IEEE 802.3 clause 3): dst MAC (6) | src MAC (6) | EtherType (2)            14 bytes
 *   an EtherType below 0x0600 is an 802.3 length (LLC follows, not IP)
 * 802.1Q / 802.1ad tag (IEEE 802.1Q 9.6): PCP(3) DEI(1) VID(12) | EtherType (2)            4 bytes
 * MPLS label stack entry (RFC 3032 2.1): label(20) TC(3) S(1) TTL(8)                       4 bytes
 *   after the entry with S=1: IPv4 or IPv6 by the first nibble, or 0 for the pseudowire
 *   control word (RFC 4385) of an Ethernet pseudowire (RFC 4448)
 * PPPoE session (RFC 2516 4): ver(4)=1 type(4)=1 | code (1)=0 | session (2) | length (2)    6 bytes
 *   then the PPP protocol (2): 0x0021 IPv4, 0x0057 IPv6 (RFC 1661 2, RFC 5072)
 * PPP (LINKTYPE_PPP, RFC 1662): optional address 0xff and control 0x03, then a protocol of 2 bytes
 *   (1 byte when odd: protocol field compression)
 * Linux SLL (LINKTYPE_LINUX_SLL): packet type (2) | ARPHRD (2) | addr len (2) | addr (8) | protocol (2)  16 bytes
 * Linux SLL2 (LINKTYPE_LINUX_SLL2): protocol (2) | reserved (2) | ifindex (4) | ARPHRD (2)
 *   | packet type (1) | addr len (1) | addr (8)                                              20 bytes
 * BSD NULL / LOOP: address family (4), host byte order for NULL, network order for LOOP
 * </pre>
 */
final class LinkLayout {
    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERNET_TYPE_OFFSET = 12;
    /** EtherTypes start here; smaller values in the type field are 802.3 lengths. */
    static final int MIN_ETHERTYPE = 0x0600;

    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_VLAN = 0x8100;
    static final int ETHERTYPE_QINQ = 0x88a8;
    static final int ETHERTYPE_QINQ_OLD = 0x9100;
    static final int ETHERTYPE_MPLS_UNICAST = 0x8847;
    static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    /** Transparent Ethernet bridging: an Ethernet frame follows (GRE, Geneve). */
    static final int ETHERTYPE_ETHERNET = 0x6558;

    static final int VLAN_TAG_LENGTH = 4;
    static final int VLAN_ID_MASK = 0x0fff;
    static final int MPLS_ENTRY_LENGTH = 4;
    static final int MPLS_BOTTOM_OF_STACK = 0x01;
    static final int MPLS_CONTROL_WORD_LENGTH = 4;

    static final int PPPOE_HEADER_LENGTH = 6;
    static final int PPPOE_VERSION_TYPE = 0x11;
    static final int PPP_ADDRESS = 0xff;
    static final int PPP_CONTROL = 0x03;
    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;

    static final int SLL_HEADER_LENGTH = 16;
    static final int SLL_PROTOCOL_OFFSET = 14;
    static final int SLL2_HEADER_LENGTH = 20;
    static final int SLL2_PROTOCOL_OFFSET = 0;

    static final int NULL_HEADER_LENGTH = 4;
    static final int AF_INET = 2;
    /** AF_INET6 is 24 on NetBSD/OpenBSD, 28 on FreeBSD, 30 on macOS. */
    static final int AF_INET6_BSD = 24;
    static final int AF_INET6_FREEBSD = 28;
    static final int AF_INET6_DARWIN = 30;

    private LinkLayout() {
    }
}
