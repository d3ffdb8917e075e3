package io.tlswatch.capture.decode;

/**
 * What {@link PacketDecoder#decode} made of a packet. {@link #TCP} and {@link #UDP} are decoded
 * packets; every other value is a reason a packet was not, counted by {@link DecodeCounters}.
 */
public enum DecodeOutcome {
    TCP("decoded TCP"),
    UDP("decoded UDP"),
    OTHER_IP_PROTOCOL("IP packet of another protocol (ICMP, ESP, ...)"),
    NOT_IP("link-layer frame that does not carry IP (ARP, LLDP, ...)"),
    UNSUPPORTED_LINK_TYPE("link type the decoder does not know"),
    TRUNCATED_LINK_HEADER("captured bytes end inside the link-layer header"),
    TRUNCATED_IP_HEADER("captured bytes end inside the IP header"),
    BAD_IP_HEADER("IP header with an impossible version, length or checksum-independent field"),
    IP_FRAGMENT("IP fragment (fragments are counted, not reassembled)"),
    TRUNCATED_TRANSPORT_HEADER("captured bytes end inside the TCP or UDP header"),
    /** Also a UDP length below 8, and a TCP or UDP header that the IP lengths leave no room for. */
    BAD_TRANSPORT_HEADER("TCP header with a data offset below 5 words or past the packet"),
    TOO_MANY_HEADERS("more nested tags or extension headers than the decoder follows");

    private final String description;

    DecodeOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public boolean isDecoded() {
        return this == TCP || this == UDP;
    }
}
