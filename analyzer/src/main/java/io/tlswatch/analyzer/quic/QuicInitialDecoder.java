package io.tlswatch.analyzer.quic;

/**
 * Reads the long header packets of one UDP datagram (coalesced back to back, RFC 9000 §12.2)
 * and opens the Initial packets of either side: header protection off, packet number recovered
 * in that side's number space, payload decrypted ({@link InitialPacketProtection}) with that
 * side's Initial keys, frames read ({@link InitialFrameParser}), CRYPTO data handed to the
 * connection's side. Other packets are counted by type; a short header, a Version Negotiation
 * packet or a version without known keys ends the datagram. A client's Handshake or short header
 * packet tells the connection that the client has left its Initial packets behind.
 *
 * <p>The per-thread part of QUIC reading: it holds the reusable Mac, Ciphers and scratch buffers,
 * so one instance serves every {@link QuicInitialTracker} of one worker thread and belongs to
 * that thread. Work per datagram is bounded by {@link QuicLimits#maxInitialsPerDatagram()}.
 * Nothing here throws on the bytes it is given.
 */
public final class QuicInitialDecoder {
    /** What one connection tells the decoder and hears from it (a tracker's side). */
    interface Connection {
        /**
         * Whether to open this Initial of the client ({@code fromClient}) or the server (false:
         * the connection is done, over its limit, or has no keys for it yet).
         */
        boolean acceptInitial(boolean fromClient);

        /**
         * The keys to try on an Initial: attempt 0 the connection's current ones, attempt 1 an
         * alternative after attempt 0 failed, or null when there is none.
         */
        QuicInitialKeys keys(QuicPacketHeader h, byte[] b, boolean fromClient, int attempt, Hkdf hkdf);

        /** The largest packet number opened so far in that side's Initial space, -1 before the first. */
        long largestPacketNumber(boolean fromClient);

        /** An Initial opened with {@code keys}; returns where its CRYPTO frames go. */
        InitialFrameParser.CryptoSink onOpened(QuicPacketHeader h, byte[] b, boolean fromClient, QuicInitialKeys keys,
                long packetNumber);

        /** A server Retry, with the means to check its integrity tag. */
        void onRetry(QuicPacketHeader h, byte[] b, RetryIntegrity integrity);

        /** A client Handshake or 1-RTT packet: the client has the server's Initial (RFC 9001 §4.1.4). */
        void onClientPastInitial();

        /**
         * Whether the connection is known to be QUIC (a client Initial opened), so that a long
         * header whose fixed bit is 0 is taken as greased (RFC 9287) rather than as not QUIC.
         */
        boolean quicBitMayBeGreased();
    }

    private static final int KEY_ATTEMPTS = 2;

    private final QuicLimits limits;
    private final Hkdf hkdf = new Hkdf();
    private final InitialPacketProtection protection = new InitialPacketProtection();
    private final QuicPacketHeader header = new QuicPacketHeader();
    private final InitialFrameParser frames = new InitialFrameParser();
    private final RetryIntegrity retryIntegrity = new RetryIntegrity();

    public QuicInitialDecoder() {
        this(QuicLimits.DEFAULT);
    }

    public QuicInitialDecoder(QuicLimits limits) {
        this.limits = limits;
    }

    public QuicLimits limits() {
        return limits;
    }

    /** Reads the {@code len} bytes of a UDP payload at {@code b[off]}, sent by the client or the server. */
    void decode(byte[] b, int off, int len, boolean fromClient, Connection connection, QuicCounters counters) {
        if (off < 0 || len <= 0 || off + (long) len > b.length) {
            counters.count(QuicOutcome.PACKET_MALFORMED);
            return;
        }
        int end = off + len;
        int initials = 0;
        boolean greaseAllowed = connection.quicBitMayBeGreased();
        for (int pos = off; pos < end; pos = header.end()) {
            if (!header.parse(b, pos, end, greaseAllowed)) {
                QuicOutcome why = header.failure();
                if (pos == off || why != QuicOutcome.NOT_QUIC) {
                    counters.count(why);
                }
                if (fromClient && why == QuicOutcome.SHORT_HEADER) {
                    connection.onClientPastInitial();
                }
                return;
            }
            if (header.quicBitGreased()) {
                counters.count(QuicOutcome.QUIC_BIT_GREASED);
            }
            if (header.type() == QuicPacketType.INITIAL) {
                initials += initial(b, fromClient, initials, connection, counters);
            } else if (fromClient) {
                clientPacket(connection, counters);
            } else {
                serverPacket(b, connection, counters);
            }
        }
    }

    /** Returns 1 when an Initial was tried, else 0. */
    private int initial(byte[] b, boolean fromClient, int initialsSoFar, Connection connection,
            QuicCounters counters) {
        if (initialsSoFar >= limits.maxInitialsPerDatagram()) {
            counters.count(QuicOutcome.OVER_PACKET_LIMIT);
            return 0;
        }
        if (!connection.acceptInitial(fromClient)) {
            return 0;
        }
        openInitial(b, fromClient, connection, counters);
        return 1;
    }

    private void clientPacket(Connection connection, QuicCounters counters) {
        switch (header.type()) {
            case ZERO_RTT:
                counters.count(QuicOutcome.CLIENT_ZERO_RTT);
                break;
            case HANDSHAKE:
                counters.count(QuicOutcome.CLIENT_HANDSHAKE);
                connection.onClientPastInitial();
                break;
            default:
                counters.count(QuicOutcome.WRONG_DIRECTION);
                break;
        }
    }

    private void serverPacket(byte[] b, Connection connection, QuicCounters counters) {
        switch (header.type()) {
            case HANDSHAKE:
                counters.count(QuicOutcome.SERVER_HANDSHAKE);
                break;
            case RETRY:
                counters.count(QuicOutcome.RETRY);
                connection.onRetry(header, b, retryIntegrity);
                break;
            default:
                counters.count(QuicOutcome.WRONG_DIRECTION);
                break;
        }
    }

    private void openInitial(byte[] b, boolean fromClient, Connection connection, QuicCounters counters) {
        for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
            QuicInitialKeys keys = connection.keys(header, b, fromClient, attempt, hkdf);
            if (keys == null) {
                break;
            }
            int opened = protection.open(b, header, keys, connection.largestPacketNumber(fromClient));
            if (opened == InitialPacketProtection.TOO_SHORT) {
                counters.count(QuicOutcome.PACKET_MALFORMED);
                return;
            }
            if (opened == InitialPacketProtection.OPENED) {
                readFrames(b, fromClient, keys, connection, counters);
                return;
            }
        }
        counters.count(fromClient ? QuicOutcome.DECRYPTION_FAILED : QuicOutcome.SERVER_DECRYPTION_FAILED);
    }

    private void readFrames(byte[] b, boolean fromClient, QuicInitialKeys keys, Connection connection,
            QuicCounters counters) {
        counters.count(fromClient ? QuicOutcome.CLIENT_INITIAL : QuicOutcome.SERVER_INITIAL);
        if ((protection.unprotectedFirstByte() & QuicLayout.LONG_RESERVED_BITS) != 0) {
            counters.count(QuicOutcome.RESERVED_BITS_SET);
        }
        InitialFrameParser.CryptoSink sink = connection.onOpened(header, b, fromClient, keys,
                protection.packetNumber());
        int read = frames.parse(protection.plaintext(), 0, protection.plaintextLength(), sink);
        if (read == InitialFrameParser.MALFORMED) {
            counters.count(QuicOutcome.FRAMES_MALFORMED);
        } else if (read == InitialFrameParser.NOT_ALLOWED) {
            counters.count(QuicOutcome.FRAME_NOT_ALLOWED);
        }
    }
}
