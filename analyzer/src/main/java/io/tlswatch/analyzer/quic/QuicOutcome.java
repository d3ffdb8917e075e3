package io.tlswatch.analyzer.quic;

/**
 * What became of the packets of a UDP flow fed to a {@link QuicInitialTracker}, each counted by
 * {@link QuicCounters}: the packets and hellos read, the ones that could not be read and why, and
 * the anomalies that reading survives. Two grades of bad input, as elsewhere in the analyzer: a
 * datagram that is not QUIC (or not a version we can open) stops there; a packet or frame that
 * breaks the RFCs is counted and the rest is read.
 */
public enum QuicOutcome {
    /** A client Initial opened with the Initial keys (RFC 9001 §5.2) and its frames read. */
    CLIENT_INITIAL("client Initial decrypted"),
    /** A ClientHello completed from the client's CRYPTO stream and parsed (a second one after an HRR too). */
    CLIENT_HELLO("ClientHello reassembled and parsed"),
    /** A client 0-RTT packet (RFC 9000 §17.2.3): counted, not readable. */
    CLIENT_ZERO_RTT("client 0-RTT packet, not readable"),
    /** A client Handshake packet: counted, not readable. */
    CLIENT_HANDSHAKE("client Handshake packet, not readable"),
    /** A server Initial opened with the server's Initial keys (RFC 9001 §5.2) and its frames read. */
    SERVER_INITIAL("server Initial decrypted"),
    /** The real ServerHello (not a HelloRetryRequest) completed from the server's CRYPTO stream and parsed. */
    SERVER_HELLO("ServerHello reassembled and parsed"),
    /**
     * A HelloRetryRequest (RFC 8446 §4.1.4) read from the server's CRYPTO stream: the client's
     * second ClientHello and the real ServerHello follow in the same Initial spaces (RFC 9001 §4.1.4).
     */
    HELLO_RETRY_REQUEST("HelloRetryRequest read; a second ClientHello follows"),
    /** A server Handshake packet (its Certificate is encrypted): counted only. */
    SERVER_HANDSHAKE("server Handshake packet, counted only"),
    /** A server Retry (RFC 9000 §17.2.5): the client's next Initials use keys from its SCID. */
    RETRY("server Retry: the client's next DCID and keys change"),
    /**
     * A Retry whose integrity tag (RFC 9001 §5.8) does not verify against the client's first DCID:
     * forged or damaged; it changes nothing.
     */
    RETRY_TAG_INVALID("Retry integrity tag does not verify; ignored"),
    /** A Version Negotiation packet (RFC 9000 §17.2.1). */
    VERSION_NEGOTIATION("Version Negotiation packet"),
    /** A short header packet (1-RTT, RFC 9000 §17.3): not readable; ends the datagram. */
    SHORT_HEADER("short header packet, not readable"),

    /** A datagram whose first packet has the fixed bit clear: not QUIC versions 1 or 2. */
    NOT_QUIC("fixed bit clear: not QUIC"),
    /**
     * A long header packet of a connection known to be QUIC with its fixed bit clear, read as
     * greased (RFC 9287: an endpoint that offered grease_quic_bit accepts either value).
     */
    QUIC_BIT_GREASED("fixed bit greased (RFC 9287), read anyway"),
    /** A version 0x?a?a?a?a reserved to exercise version negotiation (RFC 9000 §15). */
    RESERVED_VERSION("reserved (greasing) version, not decrypted"),
    /** A version whose Initial keys this package does not know ({@link QuicVersion#of}). */
    UNSUPPORTED_VERSION("version without known Initial keys"),
    /**
     * A long header that breaks its layout: cut short, a connection ID over 20 bytes, a Length
     * past the datagram, a packet too short to sample for header protection.
     */
    PACKET_MALFORMED("long header packet malformed or truncated"),
    /**
     * A client Initial the Initial keys do not open: not a client Initial after all (a server's,
     * a forged one), keys from a DCID we did not see (a Retry missed), or damaged bytes.
     */
    DECRYPTION_FAILED("client Initial did not decrypt with the Initial keys"),
    /**
     * A server Initial the server's Initial keys do not open: keys from a DCID we did not see (the
     * client's Initial after a Retry missed), a forged or damaged packet.
     */
    SERVER_DECRYPTION_FAILED("server Initial did not decrypt with the server's Initial keys"),
    /** A server Initial before any client Initial opened: no DCID, so no keys to try. */
    SERVER_INITIAL_WITHOUT_KEYS("server Initial before any client Initial was read; not decrypted"),
    /** A decrypted Initial whose reserved header bits are not 0 (RFC 9000 §17.2). */
    RESERVED_BITS_SET("reserved header bits set after header protection removal"),
    /** A frame that runs past its packet or breaks its encoding (RFC 9000 §19). */
    FRAMES_MALFORMED("frames malformed"),
    /** A frame type not allowed in an Initial packet (RFC 9000 §12.4, Table 3). */
    FRAME_NOT_ALLOWED("frame type not allowed in an Initial packet"),
    /** CRYPTO data past the reassembly bound ({@link QuicLimits#maxCryptoBytes()}); dropped. */
    CRYPTO_OVER_BOUND("CRYPTO data beyond the reassembly bound"),
    /** The client's CRYPTO stream holds a message other than a ClientHello where one should start. */
    CRYPTO_NOT_CLIENT_HELLO("client CRYPTO stream holds something other than a ClientHello"),
    /** A ClientHello that is complete but does not parse (the TLS parser names the field). */
    CLIENT_HELLO_MALFORMED("ClientHello does not parse"),
    /** The server's CRYPTO stream holds a message other than a ServerHello where one should start. */
    CRYPTO_NOT_SERVER_HELLO("server CRYPTO stream holds something other than a ServerHello"),
    /**
     * A ServerHello that is complete but does not parse, or a second HelloRetryRequest (which
     * RFC 8446 §4.1.4 forbids): the session is reported without a ServerHello.
     */
    SERVER_HELLO_MALFORMED("ServerHello does not parse, or a second HelloRetryRequest"),
    /**
     * The client sent Handshake or 1-RTT packets (so it had the server's Initial) before a
     * ServerHello was read: the server's Initial was not captured or did not open; the session is
     * reported with its ClientHello only.
     */
    SERVER_HELLO_MISSED("client went past its Initial packets before a ServerHello was read"),
    /** A packet type its sender's side never sends: a Retry from the client, 0-RTT from the server. */
    WRONG_DIRECTION("packet type sent by the wrong side"),
    /** More Initials in one datagram, or from one side of a connection, than {@link QuicLimits} allow. */
    OVER_PACKET_LIMIT("Initials over the per-datagram or per-connection limit, skipped");

    private final String description;

    QuicOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
