package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.quic.QuicClientHello;
import io.tlswatch.analyzer.quic.QuicCounters;
import io.tlswatch.analyzer.quic.QuicInitialDecoder;
import io.tlswatch.analyzer.quic.QuicInitialTracker;
import io.tlswatch.analyzer.session.SessionListener;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodedPacket;

/**
 * Follows UDP flows for QUIC handshakes, on any port: a flow whose datagram looks like a client's
 * Initial (a long header in at least 1200 bytes) gets a {@link QuicInitialTracker}, which decrypts
 * the client's Initial packets and hands over its ClientHello; that makes a session (its
 * certificates are encrypted, so it is not observable for interception), and the flow goes into
 * bypass. A flow that shows no Initial in its first datagrams is not QUIC and goes into bypass too.
 * One per worker thread.
 */
public final class UdpTracker {
    /** Datagrams a flow may show before its first client Initial (a client may start with other traffic). */
    private static final int DATAGRAMS_BEFORE_QUIC = 8;

    private final FlowTable<UdpFlow> table;
    private final FlowKey key = new FlowKey();
    private final QuicInitialDecoder decoder = new QuicInitialDecoder();
    private final QuicCounters counters = new QuicCounters();
    private final SessionListener sessions;
    private long quicFlows;
    private long quicHellos;
    private long notQuicFlows;

    public UdpTracker(int maxFlows, long idleTimeoutNanos, SessionListener sessions) {
        this.sessions = sessions;
        this.table = new FlowTable<>(maxFlows, idleTimeoutNanos, UdpFlow::new, (flow, why) -> { });
    }

    /**
     * One decoded UDP packet.
     *
     * @param clock the reader's monotonic packet clock: flows expire and sessions are ordered by it
     */
    public void onPacket(PacketRecord packet, DecodedPacket udp, long clock) {
        UdpFlow flow = table.getOrCreate(key.set(udp), clock);
        if (flow.bypass) {
            return;
        }
        int direction = key.fromA() ? TcpFlow.FROM_A : TcpFlow.FROM_B;
        byte[] data = packet.data();
        if (flow.quic == null) {
            if (!QuicInitialTracker.looksLikeClientInitial(data, udp.payloadOffset, udp.payloadLength)) {
                if (++flow.datagramsBeforeQuic > DATAGRAMS_BEFORE_QUIC) {
                    notQuicFlows++;
                    flow.bypass = true;
                }
                return;
            }
            flow.quic = new QuicInitialTracker(decoder, counters);
            flow.clientDirection = direction;
            quicFlows++;
        }
        if (direction != flow.clientDirection) {
            flow.quic.feedFromServer(data, udp.payloadOffset, udp.payloadLength);
            return;
        }
        QuicClientHello hello = flow.quic.feedFromClient(data, udp.payloadOffset, udp.payloadLength,
                packet.timestampNanos());
        if (hello != null) {
            quicHellos++;
            flow.bypass = true;
            sessions.onSession(TlsSession.quic(flow.endpoints(), hello.hello(), hello.version(),
                    hello.firstInitialNanos(), hello.completedNanos(), clock));
        } else if (flow.quic.state() == QuicInitialTracker.State.GAVE_UP) {
            flow.bypass = true;
        }
    }

    /** Forgets the flows idle since before {@code clock} minus the idle timeout. */
    public void expireIdle(long clock) {
        table.expireIdle(clock);
    }

    /** Forgets every flow (end of input). */
    public void finish() {
        table.removeAll(FlowTable.Removal.END_OF_INPUT);
    }

    public QuicCounters quicCounters() { return counters; }

    /** UDP flows that started like QUIC (a client Initial). */
    public long quicFlows() { return quicFlows; }

    /** QUIC ClientHellos read out of Initial packets. */
    public long quicHellos() { return quicHellos; }

    /** UDP flows given up on: no client Initial in their first datagrams. */
    public long notQuicFlows() { return notQuicFlows; }

    public FlowTable<UdpFlow> table() { return table; }
}
