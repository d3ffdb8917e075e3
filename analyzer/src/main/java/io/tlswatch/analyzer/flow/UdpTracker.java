package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.quic.QuicCounters;
import io.tlswatch.analyzer.quic.QuicHandshake;
import io.tlswatch.analyzer.quic.QuicInitialDecoder;
import io.tlswatch.analyzer.quic.QuicInitialTracker;
import io.tlswatch.analyzer.session.SessionListener;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodedPacket;

/**
 * Follows UDP flows for QUIC handshakes, on any port: a flow whose datagram looks like a client's
 * Initial (a long header in at least 1200 bytes) gets a {@link QuicInitialTracker}, which decrypts
 * both sides' Initial packets and hands over the handshake they carry: the ClientHello and the
 * ServerHello (two of each after a HelloRetryRequest). That makes a session (its certificates are
 * encrypted, so it is not observable for interception), and the flow goes into bypass. A session
 * whose ServerHello never shows is still made: when the tracker stops waiting for it, or when the
 * flow idles out, is evicted or the input ends, with what it has. A flow that shows no Initial in
 * its first datagrams is not QUIC and goes into bypass too. One per worker thread.
 */
public final class UdpTracker {
    /** Datagrams a flow may show before its first client Initial (a client may start with other traffic). */
    private static final int DATAGRAMS_BEFORE_QUIC = 8;

    private final FlowTable<UdpFlow> table;
    private final long idleTimeoutNanos;
    private final FlowKey key = new FlowKey();
    private final QuicInitialDecoder decoder = new QuicInitialDecoder();
    private final QuicCounters counters = new QuicCounters();
    private final SessionListener sessions;
    /** The clock of the packet or tick being handled, for sessions its handling finishes. */
    private long clock;
    private long quicFlows;
    private long quicHellos;
    private long notQuicFlows;

    public UdpTracker(int maxFlows, long idleTimeoutNanos, SessionListener sessions) {
        this.sessions = sessions;
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.table = new FlowTable<>(maxFlows, idleTimeoutNanos, UdpFlow::new, this::onRemoved);
    }

    /**
     * One decoded UDP packet.
     *
     * @param clock the reader's monotonic packet clock: flows expire and sessions are ordered by it
     */
    public void onPacket(PacketRecord packet, DecodedPacket udp, long clock) {
        this.clock = clock;
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
        QuicHandshake handshake = direction == flow.clientDirection
                ? flow.quic.feedFromClient(data, udp.payloadOffset, udp.payloadLength, packet.timestampNanos())
                : flow.quic.feedFromServer(data, udp.payloadOffset, udp.payloadLength, packet.timestampNanos());
        if (handshake != null) {
            report(flow, handshake, handshake.serverHelloRead() ? TlsSession.End.QUIC_SERVER_HELLO
                    : TlsSession.End.QUIC_CLIENT_HELLO, clock);
            flow.bypass = true;
        } else if (flow.quic.state() == QuicInitialTracker.State.GAVE_UP) {
            flow.bypass = true;
        }
    }

    /** Finishes the flows idle since before {@code clock} minus the idle timeout. */
    public void expireIdle(long clock) {
        this.clock = clock;
        table.expireIdle(clock);
    }

    /** Finishes every flow (end of input). */
    public void finish() {
        table.removeAll(FlowTable.Removal.END_OF_INPUT);
    }

    /** A flow leaves the table: a handshake still waiting for its ServerHello is reported as it stands. */
    private void onRemoved(UdpFlow flow, FlowTable.Removal why) {
        if (flow.quic == null) {
            return;
        }
        QuicHandshake pending = flow.quic.endOfFlow();
        if (pending == null) {
            return;
        }
        long order = switch (why) {
            case IDLE_TIMEOUT -> flow.lastSeenNanos() + idleTimeoutNanos;   // the deadline, whoever noticed it
            case END_OF_INPUT -> Long.MAX_VALUE;
            case TABLE_FULL, CLOSED -> clock;
        };
        report(flow, pending, switch (why) {
            case IDLE_TIMEOUT -> TlsSession.End.IDLE_TIMEOUT;
            case TABLE_FULL -> TlsSession.End.EVICTED;
            case CLOSED -> TlsSession.End.CLOSED;
            case END_OF_INPUT -> TlsSession.End.END_OF_INPUT;
        }, order);
    }

    private void report(UdpFlow flow, QuicHandshake handshake, TlsSession.End end, long orderNanos) {
        quicHellos++;
        sessions.onSession(TlsSession.quic(flow.endpoints(), handshake, end, orderNanos));
    }

    public QuicCounters quicCounters() { return counters; }

    /** UDP flows that started like QUIC (a client Initial). */
    public long quicFlows() { return quicFlows; }

    /** QUIC connections whose ClientHello was read out of Initial packets: one session each. */
    public long quicHellos() { return quicHellos; }

    /** UDP flows given up on: no client Initial in their first datagrams. */
    public long notQuicFlows() { return notQuicFlows; }

    public FlowTable<UdpFlow> table() { return table; }
}
