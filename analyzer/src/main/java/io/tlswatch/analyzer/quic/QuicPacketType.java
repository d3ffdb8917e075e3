package io.tlswatch.analyzer.quic;

/**
 * The long header packet types (RFC 9000 §17.2), whatever bits a version numbers them with
 * ({@link QuicVersion#packetType}). Declared in version 1's numbering, 0 to 3.
 */
public enum QuicPacketType {
    /** The first flight of either side, protected with keys from the client's DCID (§17.2.2). */
    INITIAL,
    /** Early data from a resuming client (§17.2.3); unreadable without the session's secrets. */
    ZERO_RTT,
    /** Handshake-keyed packets (§17.2.4); unreadable to a passive observer. */
    HANDSHAKE,
    /** A server's address validation, naming the DCID the client uses next (§17.2.5). */
    RETRY
}
