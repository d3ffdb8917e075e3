package io.tlswatch.analyzer.tls;

/** Why a message parser rejected its bytes; paired with the field in {@link TlsParse#field()}. */
public enum TlsParseError {
    /** A field or vector runs past the end of the vector or message that holds it. */
    TRUNCATED("runs past the end of what holds it"),
    /** Bytes are left after the last field of a message or vector. */
    TRAILING_BYTES("is followed by bytes no field accounts for"),
    /** A length the RFC forbids: empty where a minimum is 1, odd for a list of uint16, too long. */
    BAD_LENGTH("has a length the RFC does not allow"),
    /** A value the RFC forbids where the layout depends on it (a message or status type). */
    BAD_VALUE("has a value the RFC does not allow");

    private final String description;

    TlsParseError(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
