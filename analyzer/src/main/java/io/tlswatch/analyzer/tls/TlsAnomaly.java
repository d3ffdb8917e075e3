package io.tlswatch.analyzer.tls;

/**
 * Named ways a TLS stream breaks the RFCs, reported through
 * {@link TlsEventListener#onAnomaly} and counted by {@link TlsAnomalyCounters}. A fatal one means
 * the record framing is lost: the decoder goes to {@link TlsDirectionState#FAILED} and stays there
 * (as Netty's decoders go to BAD_MESSAGE). The others are survivable: the decoder notes them and
 * goes on with the next record or message.
 */
public enum TlsAnomaly {
    /** A record header with a content type other than 20 to 24 (RFC 8446 §5.1). */
    BAD_CONTENT_TYPE(true, "record content type is not 20 to 24"),
    /** A record header whose version is not 0x0300 to 0x0304. */
    BAD_RECORD_VERSION(true, "record version is not SSL 3.0 to TLS 1.3"),
    /** A record longer than 2^14 + 2048 bytes (RFC 5246 §6.2.3). */
    RECORD_TOO_LONG(true, "record longer than 2^14 + 2048 bytes"),
    /** A plaintext record longer than 2^14 bytes (RFC 8446 §5.1 record_overflow). */
    PLAINTEXT_RECORD_TOO_LONG(false, "plaintext record longer than 2^14 bytes"),
    /** A handshake, alert or change_cipher_spec record of length zero (RFC 8446 §5.1). */
    EMPTY_RECORD(false, "zero-length handshake, alert or change_cipher_spec record"),
    /** A handshake message over the size limit; its bytes are skipped, the next message is read. */
    HANDSHAKE_MESSAGE_TOO_LARGE(false, "handshake message over TlsLimits; skipped unparsed"),
    /** A handshake message cut off by a ChangeCipherSpec; the partial message is dropped. */
    HANDSHAKE_MESSAGE_INTERRUPTED(false, "handshake message unfinished when ChangeCipherSpec arrived"),
    /** A handshake type no registry lists. */
    UNKNOWN_HANDSHAKE_TYPE(false, "handshake message of an unassigned type"),
    /** A ClientHello that does not parse (the detail names field and reason). */
    MALFORMED_CLIENT_HELLO(false, "ClientHello does not parse"),
    /** A ServerHello that does not parse. */
    MALFORMED_SERVER_HELLO(false, "ServerHello does not parse"),
    /** A Certificate message that does not parse. */
    MALFORMED_CERTIFICATE(false, "Certificate message does not parse"),
    /** A CertificateStatus message that does not parse. */
    MALFORMED_CERTIFICATE_STATUS(false, "CertificateStatus message does not parse"),
    /** A hello whose structure parses but one of whose decoded extensions does not. */
    MALFORMED_EXTENSION(false, "an extension of a hello does not parse"),
    /** A hello that repeats an extension type (RFC 8446 §4.2). */
    DUPLICATE_EXTENSION(false, "a hello repeats an extension type"),
    /** A ClientHello sent by the server or a ServerHello sent by the client; not raised as a hello. */
    HELLO_IN_WRONG_DIRECTION(false, "hello sent in the wrong direction"),
    /** A plaintext alert record whose length is not a multiple of 2. */
    BAD_ALERT(false, "plaintext alert record of odd length"),
    /** A plaintext change_cipher_spec record that is not the single byte 1 (RFC 5246 §7.1). */
    BAD_CHANGE_CIPHER_SPEC(false, "change_cipher_spec record is not the single byte 1"),
    /**
     * A plaintext heartbeat whose payload_length runs past its record (RFC 6520 §4): the shape of
     * a Heartbleed (CVE-2014-0160) request.
     */
    HEARTBEAT_PAYLOAD_OVERRUN(false, "heartbeat payload_length runs past the record (Heartbleed)"),
    /**
     * A server name longer than a DNS name can be (253 characters, RFC 1035 §2.3.4; the extension
     * allows 2^16 - 1 bytes, RFC 6066 §3): documents, the notary and prevalence keep its first 253
     * bytes, so a hostile hello cannot make every table hold kilobytes per name.
     */
    SERVER_NAME_TOO_LONG(false, "server name over 253 bytes; cut to 253"),
    /**
     * A server Certificate message with more certificates than a session keeps (real chains hold
     * two to five; validation looks at 16): the first ones are kept, parsed and written, the rest
     * are neither, so one hello cannot make thousands of certificate documents.
     */
    CERTIFICATE_CHAIN_TOO_LONG(false, "more certificates than a session keeps; the rest ignored");

    private final boolean fatal;
    private final String description;

    TlsAnomaly(boolean fatal, String description) {
        this.fatal = fatal;
        this.description = description;
    }

    /** Whether it stops the decoder ({@link TlsDirectionState#FAILED}). */
    public boolean isFatal() {
        return fatal;
    }

    public String description() {
        return description;
    }
}
