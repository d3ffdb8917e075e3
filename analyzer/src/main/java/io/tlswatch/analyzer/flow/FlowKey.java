package io.tlswatch.analyzer.flow;

import io.tlswatch.capture.decode.DecodedPacket;

/**
 * The direction-agnostic identity of a flow: both endpoints (address and port), the transport
 * protocol and the VLAN tags. Endpoint A is the lower of the two by (address, port), so both
 * directions of a connection give the same key; {@link #fromA} says which way a packet went.
 *
 * <p>A mutable value reused per packet (no allocation); {@link FlowEntry} copies it when a flow is
 * created.
 */
public final class FlowKey {
    long aHi;
    long aLo;
    long bHi;
    long bLo;
    int aPort;
    int bPort;
    int protocol;
    int vlans;
    /** Whether the packet this key was taken from went from endpoint A to endpoint B. */
    boolean fromA;

    /** Fills the key from a decoded packet. */
    public FlowKey set(DecodedPacket p) {
        protocol = p.ipProtocol;
        vlans = (p.vlanId & 0xfff) << 12 | (p.innerVlanId & 0xfff);
        int c = Long.compareUnsigned(p.srcAddrHi, p.dstAddrHi);
        if (c == 0) {
            c = Long.compareUnsigned(p.srcAddrLo, p.dstAddrLo);
        }
        if (c == 0) {
            c = Integer.compare(p.srcPort, p.dstPort);
        }
        fromA = c <= 0;
        if (fromA) {
            aHi = p.srcAddrHi; aLo = p.srcAddrLo; aPort = p.srcPort;
            bHi = p.dstAddrHi; bLo = p.dstAddrLo; bPort = p.dstPort;
        } else {
            aHi = p.dstAddrHi; aLo = p.dstAddrLo; aPort = p.dstPort;
            bHi = p.srcAddrHi; bLo = p.srcAddrLo; bPort = p.srcPort;
        }
        return this;
    }

    public boolean fromA() {
        return fromA;
    }

    /** A well-mixed hash, the same for both directions (a murmur3-style finaliser over the fields). */
    public int hash() {
        long h = aHi * 0x9E3779B97F4A7C15L;
        h = (h ^ aLo) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ bHi) * 0x9E3779B97F4A7C15L;
        h = (h ^ bLo) * 0xC2B2AE3D27D4EB4FL;
        h ^= ((long) aPort << 48) | ((long) bPort << 32) | ((long) protocol << 24) | vlans;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    boolean sameFlow(FlowEntry e) {
        return e.aLo == aLo && e.bLo == bLo && e.aPort == aPort && e.bPort == bPort
                && e.aHi == aHi && e.bHi == bHi && e.protocol == protocol && e.vlans == vlans;
    }
}
