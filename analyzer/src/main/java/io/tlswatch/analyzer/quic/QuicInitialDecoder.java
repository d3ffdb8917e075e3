package io.tlswatch.analyzer.quic;

/**
 * Reads the long header packets of one UDP datagram (coalesced back to back, RFC 9000 §12.2)
 * and opens the client's Initial packets: header protection off, packet number recovered,
 * payload decrypted ({@link InitialPacketProtection}), frames read ({@link InitialFrameParser}),
 * CRYPTO data handed to the connection. Other packets are counted by type; a short header, a
 * Version Negotiation packet or a version without known keys ends the datagram.
 *
 * <p>The per-thread part of QUIC reading: it holds the reusable Mac, Ciphers and scratch buffers,
 * so one instance serves every {@link QuicInitialTracker} of one worker thread and belongs to
 * that thread. Work per datagram is bounded by {@link QuicLimits#maxInitialsPerDatagram()}.
 * Nothing here throws on the bytes it is given.
 */
public final class QuicInitialDecoder {
    /** What one connection tells the decoder and hears from it (a tracker's side). */
    interface Connection extends InitialFrameParser.CryptoSink {
        /** Whether to open this client Initial (false: the connection is done, or over its limit). */
        boolean acceptClientInitial();

        /**
         * The keys to try on a client Initial: attempt 0 the connection's current ones, attempt 1
         * an alternative after attempt 0 failed, or null when there is none.
         */
        QuicInitialKeys clientKeys(QuicPacketHeader h, byte[] b, int attempt, Hkdf hkdf);

        /** The largest packet number opened so far, -1 before the first. */
        long largestPacketNumber();

        /** A client Initial opened with {@code keys}; its frames follow. */
        void onOpened(QuicPacketHeader h, byte[] b, QuicInitialKeys keys, long packetNumber);

        /** A server Initial (after which a client discards any Retry, RFC 9000 §17.2.5.2). */
        void onServerInitial();

        /** A server Retry, with the means to check its integrity tag. */
        void onRetry(QuicPacketHeader h, byte[] b, RetryIntegrity integrity);
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
        for (int pos = off; pos < end; pos = header.end()) {
            if (!header.parse(b, pos, end)) {
                QuicOutcome why = header.failure();
                if (pos == off || why != QuicOutcome.NOT_QUIC) {
                    counters.count(why);
                }
                return;
            }
            if (fromClient) {
                initials += clientPacket(b, initials, connection, counters);
            } else {
                serverPacket(b, connection, counters);
            }
        }
    }

    /** Returns 1 when a client Initial was tried, else 0. */
    private int clientPacket(byte[] b, int initialsSoFar, Connection connection, QuicCounters counters) {
        switch (header.type()) {
            case INITIAL:
                if (initialsSoFar >= limits.maxInitialsPerDatagram()) {
                    counters.count(QuicOutcome.OVER_PACKET_LIMIT);
                    return 0;
                }
                if (!connection.acceptClientInitial()) {
                    return 0;
                }
                openClientInitial(b, connection, counters);
                return 1;
            case ZERO_RTT:
                counters.count(QuicOutcome.CLIENT_ZERO_RTT);
                return 0;
            case HANDSHAKE:
                counters.count(QuicOutcome.CLIENT_HANDSHAKE);
                return 0;
            default:
                counters.count(QuicOutcome.WRONG_DIRECTION);
                return 0;
        }
    }

    private void serverPacket(byte[] b, Connection connection, QuicCounters counters) {
        switch (header.type()) {
            case INITIAL:
                counters.count(QuicOutcome.SERVER_INITIAL);
                connection.onServerInitial();
                break;
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

    private void openClientInitial(byte[] b, Connection connection, QuicCounters counters) {
        for (int attempt = 0; attempt < KEY_ATTEMPTS; attempt++) {
            QuicInitialKeys keys = connection.clientKeys(header, b, attempt, hkdf);
            if (keys == null) {
                break;
            }
            int opened = protection.open(b, header, keys, connection.largestPacketNumber());
            if (opened == InitialPacketProtection.TOO_SHORT) {
                counters.count(QuicOutcome.PACKET_MALFORMED);
                return;
            }
            if (opened == InitialPacketProtection.OPENED) {
                readFrames(b, keys, connection, counters);
                return;
            }
        }
        counters.count(QuicOutcome.DECRYPTION_FAILED);
    }

    private void readFrames(byte[] b, QuicInitialKeys keys, Connection connection, QuicCounters counters) {
        counters.count(QuicOutcome.CLIENT_INITIAL);
        if ((protection.unprotectedFirstByte() & QuicLayout.LONG_RESERVED_BITS) != 0) {
            counters.count(QuicOutcome.RESERVED_BITS_SET);
        }
        connection.onOpened(header, b, keys, protection.packetNumber());
        int read = frames.parse(protection.plaintext(), 0, protection.plaintextLength(), connection);
        if (read == InitialFrameParser.MALFORMED) {
            counters.count(QuicOutcome.FRAMES_MALFORMED);
        } else if (read == InitialFrameParser.NOT_ALLOWED) {
            counters.count(QuicOutcome.FRAME_NOT_ALLOWED);
        }
    }
}
