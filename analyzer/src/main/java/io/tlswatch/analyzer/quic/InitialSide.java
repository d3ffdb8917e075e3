package io.tlswatch.analyzer.quic;

/**
 * One side of a connection's Initial exchange, the client's or the server's: its own packet
 * number space (RFC 9000 §12.3: each endpoint numbers its Initial packets from 0), how many of its
 * Initials were tried and opened, and its CRYPTO stream ({@link CryptoStreamAssembler}), fed by
 * the frames of its Initials once they open. A closed stream drops what comes after, so a side
 * whose hellos are read (or unreadable) costs no more memory.
 */
final class InitialSide implements InitialFrameParser.CryptoSink {
    private final CryptoStreamAssembler crypto;
    private final QuicCounters counters;
    private long largestPacketNumber = -1;
    private int initialsTried;
    private int initialsOpened;
    private boolean streamClosed;

    /**
     * @param helloType the handshake type this side's CRYPTO stream carries (client_hello or
     *        server_hello)
     */
    InitialSide(int maxCryptoBytes, int helloType, QuicCounters counters) {
        this.crypto = new CryptoStreamAssembler(maxCryptoBytes, helloType);
        this.counters = counters;
    }

    /** Whether another Initial of this side may be opened under {@code limit}; if so it is counted as tried. */
    boolean tryInitial(int limit) {
        if (initialsTried >= limit) {
            return false;
        }
        initialsTried++;
        return true;
    }

    /** An Initial of this side opened with packet number {@code packetNumber}. */
    void opened(long packetNumber) {
        largestPacketNumber = Math.max(largestPacketNumber, packetNumber);
        initialsOpened++;
    }

    /** The largest packet number opened in this side's Initial space, -1 before the first. */
    long largestPacketNumber() {
        return largestPacketNumber;
    }

    int initialsTried() {
        return initialsTried;
    }

    int initialsOpened() {
        return initialsOpened;
    }

    CryptoStreamAssembler crypto() {
        return crypto;
    }

    /** Whether CRYPTO data is still taken. */
    boolean streamOpen() {
        return !streamClosed;
    }

    /** Stops reading the CRYPTO stream and frees its buffer. */
    void closeStream() {
        streamClosed = true;
        crypto.release();
    }

    @Override
    public void onCrypto(long offset, byte[] b, int off, int len) {
        if (!streamClosed && !crypto.add(offset, b, off, len)) {
            counters.count(QuicOutcome.CRYPTO_OVER_BOUND);
        }
    }
}
