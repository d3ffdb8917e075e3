package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.session.SessionAssembler;
import io.tlswatch.analyzer.tls.TlsStreamDecoder;

/**
 * The state of one TCP connection: its two byte streams, a TLS decoder for each role, the session
 * being assembled, and where the connection stands. Entries are reused by the {@link FlowTable};
 * everything here is created once per entry, never per packet.
 */
public final class TcpFlow extends FlowEntry {
    /** Direction index of packets from endpoint A (the lower one) to B, and back. */
    public static final int FROM_A = 0;
    public static final int FROM_B = 1;
    static final int UNKNOWN = -1;

    final StreamReassembler[] streams = new StreamReassembler[2];
    final DirectionFeed[] feeds = new DirectionFeed[2];
    final TlsStreamDecoder clientDecoder;
    final TlsStreamDecoder serverDecoder;
    final SessionAssembler session;

    /** Direction index the client sends in, or UNKNOWN until a SYN or the first payload says. */
    int clientDirection = UNKNOWN;
    boolean synSeen;
    int finDirections;
    boolean closed;
    /** The connection was counted as one whose client does not speak TLS. */
    boolean countedNotTls;
    /** Nothing more to learn from this connection: later packets cost one table lookup. */
    boolean bypass;

    TcpFlow(TcpFlowResources resources) {
        streams[FROM_A] = resources.newStream();
        streams[FROM_B] = resources.newStream();
        session = resources.newSessionAssembler(this::endpoints);
        clientDecoder = resources.newDecoder(true, session);
        serverDecoder = resources.newDecoder(false, session);
        feeds[FROM_A] = new DirectionFeed(this, FROM_A);
        feeds[FROM_B] = new DirectionFeed(this, FROM_B);
    }

    TlsStreamDecoder decoderFor(int direction) {
        return direction == clientDirection ? clientDecoder : serverDecoder;
    }

    /** The endpoints with the client first (A is taken as the client while the roles are unknown). */
    FlowEndpoints endpoints() {
        boolean clientIsB = clientDirection == FROM_B;
        return clientIsB
                ? new FlowEndpoints(bHi, bLo, bPort, aHi, aLo, aPort, protocol, vlanId(), innerVlanId())
                : new FlowEndpoints(aHi, aLo, aPort, bHi, bLo, bPort, protocol, vlanId(), innerVlanId());
    }

    @Override
    protected void clearState() {
        streams[FROM_A].reset();
        streams[FROM_B].reset();
        clientDecoder.reset();
        serverDecoder.reset();
        session.reset();
        feeds[FROM_A].reset();
        feeds[FROM_B].reset();
        clientDirection = UNKNOWN;
        synSeen = false;
        finDirections = 0;
        closed = false;
        countedNotTls = false;
        bypass = false;
    }
}
