package io.tlswatch.analyzer.flow;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodedPacket;

/**
 * Follows TCP connections for their TLS handshakes: finds each packet's flow, works out which side
 * is the client, feeds payload to that direction's reassembler (and through it to the TLS decoder
 * for its role), finishes sessions when connections close, and puts flows that have nothing more
 * to tell into bypass. Allocation-free per packet. One per worker thread.
 */
public final class TcpTracker {
    /** A well-known port below this is taken as the server's when nothing else tells the roles. */
    private static final int EPHEMERAL_PORTS_START = 1024;

    private final FlowTable<TcpFlow> table;
    private final TcpFlowResources resources;
    private final long idleTimeoutNanos;
    /** The clock of the packet or tick being handled, for sessions its handling finishes. */
    private long clock;
    private final FlowKey key = new FlowKey();
    private long tlsFlows;
    private long notTlsFlows;
    private long emptyFlows;
    private long bypassedPackets;
    private long midstreamPickups;

    public TcpTracker(int maxFlows, long idleTimeoutNanos, TcpFlowResources resources) {
        this.idleTimeoutNanos = idleTimeoutNanos;
        this.resources = resources;
        this.table = new FlowTable<>(maxFlows, idleTimeoutNanos, TcpFlow::new, this::onRemoved);
    }

    /**
     * One decoded TCP packet.
     *
     * @param clock the reader's monotonic packet clock: flows expire and sessions are ordered by it
     */
    public void onPacket(PacketRecord packet, DecodedPacket tcp, long clock) {
        this.clock = clock;
        TcpFlow flow = table.getOrCreate(key.set(tcp), clock);
        int direction = key.fromA() ? TcpFlow.FROM_A : TcpFlow.FROM_B;
        if (flow.bypass) {
            bypassedPackets++;
            if (!flow.closed || !isNewConnection(tcp)) {
                if (connectionEnds(flow, direction, tcp)) {
                    flow.closed = true;   // so that a new SYN on these ports starts afresh
                }
                return;
            }
            table.remove(flow, FlowTable.Removal.CLOSED);   // port reuse: a new connection starts afresh
            flow = table.getOrCreate(key.set(tcp), clock);
        }
        TcpParser parser = flow.parser;
        if (parser != null) {
            parser.session.setTime(packet.timestampNanos(), clock);
        }
        onFlags(flow, direction, tcp);
        if (tcp.payloadLength > 0 && !flow.closed) {
            flow.payloadSeen = true;
            if (flow.clientDirection == TcpFlow.UNKNOWN) {
                flow.clientDirection = guessClientDirection(flow, direction, packet.data(), tcp);
                midstreamPickups++;
            }
            if (parser == null) {
                parser = startParsing(flow);
            }
            if (parser != null) {
                parser.session.setTime(packet.timestampNanos(), clock);
                // Data on a SYN (TCP Fast Open) starts one past the SYN's own sequence number.
                long seq = tcp.hasTcpFlag(DecodedPacket.TCP_SYN) ? tcp.tcpSeq + 1 : tcp.tcpSeq;
                parser.streams[direction].onSegment(seq, packet.data(), tcp.payloadOffset, tcp.payloadLength,
                        parser.feeds[direction]);
                afterData(flow, parser, direction);
            }
        }
        if (connectionEnds(flow, direction, tcp)) {
            close(flow, TlsSession.End.CLOSED);
        }
    }

    /** Borrows a parser for the flow's first payload, with the SYNs seen so far; null gives the flow up. */
    private TcpParser startParsing(TcpFlow flow) {
        TcpParser parser = resources.borrowParser(flow);
        if (parser == null) {
            flow.bypass = true;   // counted by the resources: no parser free for this connection
            return null;
        }
        flow.parser = parser;
        for (int d = TcpFlow.FROM_A; d <= TcpFlow.FROM_B; d++) {
            if ((flow.synDirections & 1 << d) != 0) {
                parser.streams[d].onSyn(flow.synSeq[d]);
            }
        }
        return parser;
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

    private static void onFlags(TcpFlow flow, int direction, DecodedPacket tcp) {
        if (tcp.hasTcpFlag(DecodedPacket.TCP_SYN)) {
            if (flow.clientDirection == TcpFlow.UNKNOWN) {
                boolean synAck = tcp.hasTcpFlag(DecodedPacket.TCP_ACK);
                flow.clientDirection = synAck ? 1 - direction : direction;
            }
            if ((flow.synDirections & 1 << direction) == 0) {
                flow.synDirections |= 1 << direction;
                flow.synSeq[direction] = tcp.tcpSeq;
                if (flow.parser != null) {
                    flow.parser.streams[direction].onSyn(tcp.tcpSeq);
                }
            }
        }
    }

    /** Notes a FIN; true once the connection is over: a RST, or a FIN from each side. */
    private static boolean connectionEnds(TcpFlow flow, int direction, DecodedPacket tcp) {
        if (tcp.hasTcpFlag(DecodedPacket.TCP_FIN)) {
            flow.finDirections |= 1 << direction;
        }
        return tcp.hasTcpFlag(DecodedPacket.TCP_RST) || flow.finDirections == 3;
    }

    /** After new bytes: stop following streams that cannot tell more, and bypass finished flows. */
    private void afterData(TcpFlow flow, TcpParser parser, int direction) {
        if (parser.session.isDone()) {
            enterBypass(flow);
            return;
        }
        if (parser.streams[direction].state() != StreamReassembler.State.ACTIVE) {
            parser.session.endOfFlow(TlsSession.End.STREAM_LOST);
            enterBypass(flow);
            return;
        }
        if (parser.feeds[flow.clientDirection].gaveUp() && !parser.session.sawTls()) {
            enterBypass(flow);
        }
    }

    private void close(TcpFlow flow, TlsSession.End why) {
        flow.closed = true;
        endSession(flow, why);
        enterBypass(flow);
    }

    /** Nothing more to read: the parser goes back to the pool, later packets cost a lookup. */
    private void enterBypass(TcpFlow flow) {
        flow.bypass = true;
        TcpParser parser = flow.parser;
        if (parser != null) {
            flow.sawTls |= parser.session.sawTls();
            closeStreams(parser);
            flow.parser = null;
            resources.returnParser(parser);
        }
    }

    private void onRemoved(TcpFlow flow, FlowTable.Removal why) {
        if (flow.parser != null) {
            flow.parser.session.setOrderTime(switch (why) {
                case IDLE_TIMEOUT -> flow.lastSeenNanos() + idleTimeoutNanos;   // the deadline, whoever noticed it
                case END_OF_INPUT -> Long.MAX_VALUE;
                case TABLE_FULL, CLOSED -> clock;
            });
            flow.sawTls |= flow.parser.session.sawTls();
        }
        if (flow.sawTls) {
            tlsFlows++;
        } else if (flow.payloadSeen) {
            notTlsFlows++;
        } else {
            emptyFlows++;
        }
        endSession(flow, switch (why) {
            case IDLE_TIMEOUT -> TlsSession.End.IDLE_TIMEOUT;
            case TABLE_FULL -> TlsSession.End.EVICTED;
            case CLOSED -> TlsSession.End.CLOSED;
            case END_OF_INPUT -> TlsSession.End.END_OF_INPUT;
        });
        enterBypass(flow);
    }

    /**
     * The connection is over: stops both streams and finishes the session: as STREAM_LOST when a
     * stream still had a hole (a lost segment before data that came after it), else for {@code why}.
     */
    private static void endSession(TcpFlow flow, TlsSession.End why) {
        TcpParser parser = flow.parser;
        if (parser == null) {
            return;
        }
        closeStreams(parser);
        boolean lost = parser.streams[TcpFlow.FROM_A].state() == StreamReassembler.State.GAP
                || parser.streams[TcpFlow.FROM_B].state() == StreamReassembler.State.GAP;
        parser.session.endOfFlow(lost ? TlsSession.End.STREAM_LOST : why);
    }

    private static void closeStreams(TcpParser parser) {
        parser.streams[TcpFlow.FROM_A].close();
        parser.streams[TcpFlow.FROM_B].close();
    }

    /**
     * The roles when no SYN was seen: a ClientHello (TLS or SSLv2 form) comes from the client, a
     * ServerHello from the server; otherwise the side on a well-known port is the server.
     */
    private static int guessClientDirection(TcpFlow flow, int direction, byte[] data, DecodedPacket tcp) {
        int at = tcp.payloadOffset;
        int len = tcp.payloadLength;
        if (len >= 6 && data[at] == 22 && data[at + 1] == 3) {
            if (data[at + 5] == 1) {
                return direction;
            }
            if (data[at + 5] == 2) {
                return 1 - direction;
            }
        }
        if (len >= 3 && (data[at] & 0x80) != 0 && data[at + 2] == 1) {
            return direction;
        }
        int senderPort = direction == TcpFlow.FROM_A ? flow.aPort() : flow.bPort();
        int receiverPort = direction == TcpFlow.FROM_A ? flow.bPort() : flow.aPort();
        boolean receiverLooksLikeServer = receiverPort < EPHEMERAL_PORTS_START || receiverPort < senderPort;
        return receiverLooksLikeServer ? direction : 1 - direction;
    }

    private static boolean isNewConnection(DecodedPacket tcp) {
        return tcp.hasTcpFlag(DecodedPacket.TCP_SYN) && !tcp.hasTcpFlag(DecodedPacket.TCP_ACK);
    }

    public FlowTable<TcpFlow> table() { return table; }

    /** Finished flows that carried at least one TLS hello. */
    public long tlsFlows() { return tlsFlows; }

    /** Finished flows that carried payload but no TLS hello. */
    public long notTlsFlows() { return notTlsFlows; }

    /** Finished flows without any payload (handshakes only, scans, or data not captured). */
    public long emptyFlows() { return emptyFlows; }

    /** Packets of flows in bypass (one table lookup each). */
    public long bypassedPackets() { return bypassedPackets; }

    /** Connections whose first payload came without a SYN to tell the roles. */
    public long midstreamPickups() { return midstreamPickups; }
}
