package io.tlswatch.analyzer.quic;

/**
 * Bounds on the work and memory one QUIC connection may cost a passive reader. What goes past a
 * bound is dropped and counted ({@link QuicOutcome#CRYPTO_OVER_BOUND},
 * {@link QuicOutcome#OVER_PACKET_LIMIT}), never buffered.
 *
 * @param maxCryptoBytes how much of each side's Initial CRYPTO stream is reassembled
 * @param maxInitialsPerDatagram Initials opened in one datagram (each costs up to two AES-GCM
 *        attempts and key derivations)
 * @param maxInitialsPerConnection Initials of each side opened before the tracker stops waiting:
 *        for the ClientHello (it gives up) or for the ServerHello (it hands over what it has)
 */
public record QuicLimits(int maxCryptoBytes, int maxInitialsPerDatagram, int maxInitialsPerConnection) {
    /**
     * 64 KiB of CRYPTO stream per side (a ClientHello is at most 64 KiB by its own 2-byte vectors,
     * RFC 8446 §4.1.2; Chrome's post-quantum hellos are about 2 KiB, over two Initials; a
     * ServerHello is some hundred bytes, a post-quantum one about 1.2 KiB); 8 Initials per
     * datagram (a real one holds one); 64 Initials per side and connection (a hello takes one to
     * a few, retransmissions and ACKs a few more).
     */
    public static final QuicLimits DEFAULT = new QuicLimits(64 * 1024, 8, 64);

    public QuicLimits {
        if (maxCryptoBytes < 1024 || maxCryptoBytes > 1 << 24) {
            throw new IllegalArgumentException("maxCryptoBytes outside 1 KiB .. 16 MiB: " + maxCryptoBytes);
        }
        if (maxInitialsPerDatagram < 1 || maxInitialsPerConnection < 1) {
            throw new IllegalArgumentException("packet limits below 1: " + maxInitialsPerDatagram + ", "
                    + maxInitialsPerConnection);
        }
    }
}
