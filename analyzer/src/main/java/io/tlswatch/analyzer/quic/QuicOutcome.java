package io.tlswatch.analyzer.quic;

/**
 * What became of the packets of a UDP flow fed to a {@link QuicInitialTracker}, each counted by
 * {@link QuicCounters}: the packets read, the ones that could not be read and why, and the
 * anomalies that reading survives. Two grades of bad input, as elsewhere in the analyzer: a
 * datagram that is not QUIC (or not a version we can open) stops there; a packet or frame that
 * breaks the RFCs is counted and the rest is read.
 */
public enum QuicOutcome {
    /** A client Initial opened with the Initial keys (RFC 9001 §5.2) and its frames read. */
    CLIENT_INITIAL("client Initial decrypted"),
    /** A ClientHello completed from the CRYPTO stream and parsed: the tracker's one event. */
    CLIENT_HELLO("ClientHello reassembled and parsed"),
    /** A client 0-RTT packet (RFC 9000 §17.2.3): counted, not readable. */
    CLIENT_ZERO_RTT("client 0-RTT packet, not readable"),
    /** A client Handshake packet: counted, not readable. */
    CLIENT_HANDSHAKE("client Handshake packet, not readable"),
    /** A server Initial: counted only (it carries the ServerHello, read elsewhere if at all). */
    SERVER_INITIAL("server Initial packet, counted only"),
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
    /** A decrypted Initial whose reserved header bits are not 0 (RFC 9000 §17.2). */
    RESERVED_BITS_SET("reserved header bits set after header protection removal"),
    /** A frame that runs past its packet or breaks its encoding (RFC 9000 §19). */
    FRAMES_MALFORMED("frames malformed"),
    /** A frame type not allowed in an Initial packet (RFC 9000 §12.4, Table 3). */
    FRAME_NOT_ALLOWED("frame type not allowed in an Initial packet"),
    /** CRYPTO data past the reassembly bound ({@link QuicLimits#maxCryptoBytes()}); dropped. */
    CRYPTO_OVER_BOUND("CRYPTO data beyond the reassembly bound"),
    /** The client's CRYPTO stream does not start with a ClientHello header. */
    CRYPTO_NOT_CLIENT_HELLO("CRYPTO stream does not start with a ClientHello"),
    /** A ClientHello that is complete but does not parse (the TLS parser names the field). */
    CLIENT_HELLO_MALFORMED("ClientHello does not parse"),
    /** A packet type its sender's side never sends: a Retry from the client, 0-RTT from the server. */
    WRONG_DIRECTION("packet type sent by the wrong side"),
    /** More client Initials in one datagram, or in one connection, than {@link QuicLimits} allow. */
    OVER_PACKET_LIMIT("client Initials over the per-datagram or per-connection limit, skipped");

    private final String description;

    QuicOutcome(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
