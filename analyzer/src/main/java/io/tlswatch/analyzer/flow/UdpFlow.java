package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.quic.QuicInitialTracker;
import io.tlswatch.analyzer.session.FlowEndpoints;

/**
 * The state of one UDP flow: whether it carries QUIC, and the reader of its Initial packets.
 * Reused by the {@link FlowTable}.
 */
public final class UdpFlow extends FlowEntry {
    static final int UNKNOWN = -1;

    /** Direction index (see {@link TcpFlow#FROM_A}) the QUIC client sends in, or UNKNOWN. */
    int clientDirection = UNKNOWN;
    /** Made when the flow's first client Initial is seen; null for flows that are not QUIC. */
    QuicInitialTracker quic;
    int datagramsBeforeQuic;
    boolean bypass;

    FlowEndpoints endpoints() {
        boolean clientIsB = clientDirection == TcpFlow.FROM_B;
        return clientIsB
                ? new FlowEndpoints(bHi, bLo, bPort, aHi, aLo, aPort, protocol, vlanId(), innerVlanId())
                : new FlowEndpoints(aHi, aLo, aPort, bHi, bLo, bPort, protocol, vlanId(), innerVlanId());
    }

    @Override
    protected void clearState() {
        clientDirection = UNKNOWN;
        quic = null;
        datagramsBeforeQuic = 0;
        bypass = false;
    }
}
