package io.tlswatch.analyzer.flow;

/**
 * What a {@link FlowTable} keeps for every flow: its key, when it was seen, and its place in the
 * table and the idle list. Subclasses add the protocol state; the table reuses entries, so a
 * subclass resets all of its state in {@link #clearState()}.
 */
public abstract class FlowEntry {
    long aHi;
    long aLo;
    long bHi;
    long bLo;
    int aPort;
    int bPort;
    int protocol;
    int vlans;
    int hash;
    int slot = -1;
    int index;
    int idlePrev = -1;
    int idleNext = -1;
    long firstSeenNanos;
    long lastSeenNanos;

    void setKey(FlowKey k, int hash) {
        aHi = k.aHi; aLo = k.aLo; bHi = k.bHi; bLo = k.bLo;
        aPort = k.aPort; bPort = k.bPort; protocol = k.protocol; vlans = k.vlans;
        this.hash = hash;
    }

    /** Resets protocol state before the entry serves another flow. */
    protected abstract void clearState();

    public long firstSeenNanos() { return firstSeenNanos; }

    public long lastSeenNanos() { return lastSeenNanos; }

    public int protocol() { return protocol; }

    /** Endpoint A (the lower one) as an IPv6 or IPv4-mapped address: high and low 64 bits. */
    public long aAddrHi() { return aHi; }

    public long aAddrLo() { return aLo; }

    public long bAddrHi() { return bHi; }

    public long bAddrLo() { return bLo; }

    public int aPort() { return aPort; }

    public int bPort() { return bPort; }

    /** Outer VLAN id, 0 if untagged. */
    public int vlanId() { return vlans >>> 12; }

    /** Inner (QinQ) VLAN id, 0 if absent. */
    public int innerVlanId() { return vlans & 0xfff; }
}
