package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.HandshakeLayout;
import java.util.Arrays;

/**
 * One QUIC connection's Initial exchange as a passive observer follows it, both sides: the
 * integrator keeps one per UDP flow and feeds it the flow's datagrams, each direction to its own
 * method. It knows the connection by the client's first Destination Connection ID, whose keys open
 * the client's Initials and, as "server in" keys, the server's ({@link InitialKeySchedule}, Retry
 * included); each side has its own packet number space and CRYPTO stream ({@link InitialSide}),
 * whose hellos {@link InitialHellos} reads. It hands over one {@link QuicHandshake} per connection.
 *
 * <p>States: {@link State#AWAITING_INITIAL} until a client Initial opens,
 * {@link State#READING_CLIENT_HELLO} until the ClientHello is read, then
 * {@link State#READING_SERVER_HELLO} until the ServerHello is read (after a HelloRetryRequest:
 * the client's second ClientHello and the real ServerHello), then {@link State#DONE}: the
 * handshake is handed over and the flow can go to bypass. The handshake is also handed over
 * without its ServerHello when the server's side cannot give it (a ServerHello that does not
 * parse, a stream that is not one, a client that went on to Handshake packets first, the packet
 * limit: {@link #gaveUpFor()}), and by {@link #endOfFlow()}. {@link State#GAVE_UP} means no
 * ClientHello will come (a stream that is not a ClientHello, a hello over the bound or that does
 * not parse, too many Initials): nothing to hand over. Both last states are sticky and ignore
 * further datagrams.
 *
 * <p>Outcomes are counted in the worker's {@link QuicCounters}. Never throws on the bytes it is
 * fed; memory per connection is a few small objects, plus the CRYPTO buffers while reading. Used
 * by one thread, with that thread's {@link QuicInitialDecoder}.
 */
public final class QuicInitialTracker {
    /** Where the tracker stands. */
    public enum State {
        AWAITING_INITIAL, READING_CLIENT_HELLO, READING_SERVER_HELLO, DONE, GAVE_UP
    }

    /** The smallest UDP payload that can carry a client Initial (RFC 9000 §14.1). */
    public static final int MIN_INITIAL_DATAGRAM = 1200;

    private final QuicInitialDecoder decoder;
    private final QuicCounters counters;
    private final InitialKeySchedule keys = new InitialKeySchedule();
    private final InitialSide client;
    private final InitialSide server;
    private final InitialHellos hellos;
    private final Connection connection = new Connection();
    private State state = State.AWAITING_INITIAL;
    private QuicOutcome gaveUpFor;
    private String gaveUpDetail;
    private int version;
    private byte[] originalDcid;
    private byte[] clientScid;
    private long now;
    private long firstInitialNanos;
    /** Client Initials opened when the first ClientHello completed, and when (0 before). */
    private int clientHelloPackets;
    private long clientHelloNanos;

    /**
     * Whether a UDP payload is worth a tracker: a long header with the fixed bit in a datagram of
     * at least 1200 bytes, as every datagram carrying a client Initial is (RFC 9000 §14.1). The
     * version is not checked: a client that starts in a reserved version follows with a real one.
     * For the integrator deciding which UDP flows to follow; reads three bytes, allocates nothing.
     */
    public static boolean looksLikeClientInitial(byte[] b, int off, int len) {
        if (off < 0 || len < MIN_INITIAL_DATAGRAM || off + (long) len > b.length) {
            return false;
        }
        int first = b[off] & 0xff;
        return QuicLayout.isLongHeader(first) && QuicLayout.hasFixedBit(first);
    }

    public QuicInitialTracker(QuicInitialDecoder decoder, QuicCounters counters) {
        this.decoder = decoder;
        this.counters = counters;
        int maxCryptoBytes = decoder.limits().maxCryptoBytes();
        this.client = new InitialSide(maxCryptoBytes, HandshakeLayout.CLIENT_HELLO, counters);
        this.server = new InitialSide(maxCryptoBytes, HandshakeLayout.SERVER_HELLO, counters);
        this.hellos = new InitialHellos(client, server, counters);
    }

    /**
     * Reads a UDP payload the client sent.
     *
     * @return the handshake, from the datagram that completes it (once per connection), else null
     */
    public QuicHandshake feedFromClient(byte[] b, int off, int len, long timeNanos) {
        return feed(b, off, len, true, timeNanos);
    }

    /**
     * Reads a UDP payload the server sent: its Initials (the ServerHello), a Retry.
     *
     * @return the handshake, from the datagram that completes it (once per connection), else null
     */
    public QuicHandshake feedFromServer(byte[] b, int off, int len, long timeNanos) {
        return feed(b, off, len, false, timeNanos);
    }

    /**
     * The flow ended (idle, evicted, end of input): the handshake as far as it was read when the
     * ClientHello was and it was not handed over yet, else null. The tracker is then done.
     */
    public QuicHandshake endOfFlow() {
        return state == State.READING_SERVER_HELLO ? finish() : null;
    }

    private QuicHandshake feed(byte[] b, int off, int len, boolean fromClient, long timeNanos) {
        if (finished()) {
            return null;
        }
        now = timeNanos;
        decoder.decode(b, off, len, fromClient, connection, counters);
        if (finished()) {
            return null;
        }
        readClientHellos();
        if (state != State.GAVE_UP) {
            hellos.readServerHellos(now);
        }
        boolean serverSideOver = hellos.serverHello() != null || hellos.serverStopped() != null;
        return state == State.READING_SERVER_HELLO && serverSideOver ? finish() : null;
    }

    private void readClientHellos() {
        hellos.readClientHellos(now);
        if (state != State.READING_CLIENT_HELLO) {
            return;
        }
        if (hellos.firstClientHello() != null) {
            state = State.READING_SERVER_HELLO;
            clientHelloPackets = client.initialsOpened();
            clientHelloNanos = now;
        } else if (hellos.clientStopped() != null) {
            giveUp(hellos.clientStopped(), hellos.clientStoppedDetail());
        }
    }

    private QuicHandshake finish() {
        state = State.DONE;
        if (hellos.serverHello() == null && hellos.serverStopped() != null) {
            gaveUpFor = hellos.serverStopped();
            gaveUpDetail = hellos.serverStoppedDetail();
        }
        client.closeStream();
        server.closeStream();
        return hellos.handshake(clientHello());
    }

    /** No ClientHello will be read: {@code why} was counted where it was found. */
    private void giveUp(QuicOutcome why, String detail) {
        state = State.GAVE_UP;
        gaveUpFor = why;
        gaveUpDetail = detail;
        client.closeStream();
        server.closeStream();
    }

    private boolean finished() {
        return state == State.DONE || state == State.GAVE_UP;
    }

    public State state() {
        return state;
    }

    /**
     * Why the tracker stopped short: in {@link State#GAVE_UP} why no ClientHello came; in
     * {@link State#DONE} without a ServerHello why the server's side gave none (null when the
     * flow merely ended first); else null.
     */
    public QuicOutcome gaveUpFor() {
        return gaveUpFor;
    }

    /** A detail for {@link #gaveUpFor()}: the TLS parse reason, the handshake type or size. */
    public String gaveUpDetail() {
        return gaveUpDetail;
    }

    /**
     * The client's first ClientHello once read, else null; with the connection IDs and Retry as
     * they stand now (a Retry may come after the hello, which the client then sends again).
     */
    public QuicClientHello clientHello() {
        ClientHello hello = hellos.firstClientHello();
        return hello == null ? null : new QuicClientHello(hello, version, originalDcid, keys.keysDcid(), clientScid,
                keys.retried(), clientHelloPackets, firstInitialNanos, clientHelloNanos);
    }

    /** The version of the first client Initial that opened, 0 before. */
    public int version() {
        return version;
    }

    /** The DCID of the first client Initial that opened (null before): the connection's name. */
    public byte[] originalDcid() {
        return originalDcid == null ? null : originalDcid.clone();
    }

    /** The decoder's view of this connection, kept off the tracker's public face. */
    private final class Connection implements QuicInitialDecoder.Connection {
        @Override
        public boolean acceptInitial(boolean fromClient) {
            if (finished()) {
                return false;
            }
            int limit = decoder.limits().maxInitialsPerConnection();
            if (fromClient) {
                if (hellos.firstClientHello() != null && !client.streamOpen()) {
                    return false;   // both ClientHellos read, or the second one unreadable
                }
                if (!client.tryInitial(limit)) {
                    clientOverLimit();
                    return false;
                }
                return true;
            }
            if (keys.keysDcid() == null) {
                counters.count(QuicOutcome.SERVER_INITIAL_WITHOUT_KEYS);
                return false;
            }
            if (!server.streamOpen()) {
                return false;
            }
            if (!server.tryInitial(limit)) {
                hellos.stopServerSide(QuicOutcome.OVER_PACKET_LIMIT,
                        server.initialsTried() + " server Initials without a ServerHello");
                return false;
            }
            return true;
        }

        /** Before the ClientHello: give up; after it: no second ClientHello, the server's side goes on. */
        private void clientOverLimit() {
            counters.count(QuicOutcome.OVER_PACKET_LIMIT);
            if (hellos.firstClientHello() == null) {
                giveUp(QuicOutcome.OVER_PACKET_LIMIT,
                        client.initialsTried() + " client Initials without a ClientHello");
            } else {
                client.closeStream();
            }
        }

        @Override
        public QuicInitialKeys keys(QuicPacketHeader h, byte[] b, boolean fromClient, int attempt, Hkdf hkdf) {
            if (fromClient) {
                return keys.keys(h, b, attempt, hkdf);
            }
            return attempt == 0 ? keys.serverKeys(h, hkdf) : null;
        }

        @Override
        public long largestPacketNumber(boolean fromClient) {
            return (fromClient ? client : server).largestPacketNumber();
        }

        @Override
        public InitialFrameParser.CryptoSink onOpened(QuicPacketHeader h, byte[] b, boolean fromClient,
                QuicInitialKeys used, long packetNumber) {
            if (!fromClient) {
                keys.serverInitialOpened();
                server.opened(packetNumber);
                return server;
            }
            keys.opened(h, b, used);
            client.opened(packetNumber);
            if (originalDcid == null) {
                version = h.wireVersion();
                originalDcid = Arrays.copyOfRange(b, h.dcidOffset(), h.dcidOffset() + h.dcidLength());
                clientScid = Arrays.copyOfRange(b, h.scidOffset(), h.scidOffset() + h.scidLength());
                firstInitialNanos = now;
                state = State.READING_CLIENT_HELLO;
            }
            return client;
        }

        @Override
        public void onRetry(QuicPacketHeader h, byte[] b, RetryIntegrity integrity) {
            if (keys.retry(h, b, clientScid, integrity) == InitialKeySchedule.RETRY_FORGED) {
                counters.count(QuicOutcome.RETRY_TAG_INVALID);
            }
        }

        @Override
        public boolean quicBitMayBeGreased() {
            return originalDcid != null;
        }

        @Override
        public void onClientPastInitial() {
            if (state == State.READING_SERVER_HELLO && hellos.serverHello() == null
                    && hellos.serverStopped() == null) {
                hellos.stopServerSide(QuicOutcome.SERVER_HELLO_MISSED, "a client Handshake or 1-RTT packet came first");
            }
        }
    }
}
