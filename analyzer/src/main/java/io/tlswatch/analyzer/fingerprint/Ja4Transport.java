package io.tlswatch.analyzer.fingerprint;

/**
 * What carried the ClientHello, JA4's first character: the parser cannot tell, the flow can.
 */
public enum Ja4Transport {
    /** TLS over TCP: 't'. */
    TCP('t'),
    /** QUIC (RFC 9001: the hello travels in CRYPTO frames): 'q'. */
    QUIC('q'),
    /**
     * DTLS (RFC 6347, RFC 9147): 'd'. The TLS package parses TLS ClientHellos; a DTLS hello, with
     * its cookie after the session id (RFC 6347 §4.2.1), needs its own parse before it gets here.
     */
    DTLS('d');

    private final char code;

    Ja4Transport(char code) {
        this.code = code;
    }

    /** The character JA4 starts with. */
    public char code() {
        return code;
    }
}
