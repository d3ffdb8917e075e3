package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.session.FlowEndpoints;

/**
 * The state of one TCP connection that the flow table keeps for its whole life: who the client
 * is, how far the connection is, and, while its handshake is read, a {@link TcpParser} borrowed
 * from the pool. A connection in bypass, or one without payload yet, holds only these few fields.
 * Entries are reused by the {@link FlowTable}.
 */
public final class TcpFlow extends FlowEntry {
    /** Direction index of packets from endpoint A (the lower one) to B, and back. */
    public static final int FROM_A = 0;
    public static final int FROM_B = 1;
    static final int UNKNOWN = -1;

    /** Direction index the client sends in, or UNKNOWN until a SYN or the first payload says. */
    int clientDirection = UNKNOWN;
    /** Directions (bit per index) whose SYN was seen, and their sequence numbers. */
    int synDirections;
    final long[] synSeq = new long[2];
    boolean payloadSeen;
    int finDirections;
    boolean closed;
    /** Nothing more to learn from this connection: later packets cost one table lookup. */
    boolean bypass;
    /** Whether the connection carried a TLS hello (kept when the parser goes back to the pool). */
    boolean sawTls;
    /** Borrowed while the handshake is read; null otherwise. */
    TcpParser parser;

    /** The endpoints with the client first (A is taken as the client while the roles are unknown). */
    FlowEndpoints endpoints() {
        boolean clientIsB = clientDirection == FROM_B;
        return clientIsB
                ? new FlowEndpoints(bHi, bLo, bPort, aHi, aLo, aPort, protocol, vlanId(), innerVlanId())
                : new FlowEndpoints(aHi, aLo, aPort, bHi, bLo, bPort, protocol, vlanId(), innerVlanId());
    }

    @Override
    protected void clearState() {
        clientDirection = UNKNOWN;
        synDirections = 0;
        payloadSeen = false;
        finDirections = 0;
        closed = false;
        bypass = false;
        sawTls = false;
        parser = null;
    }
}
