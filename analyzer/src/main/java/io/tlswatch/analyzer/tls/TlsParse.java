package io.tlswatch.analyzer.tls;

import java.util.Objects;

/**
 * The outcome of a message parser: the parsed value, or a named error and the field it is about
 * (for example {@code ClientHello.cipher_suites} {@link TlsParseError#TRUNCATED}). Parsers take a
 * complete message, so "incomplete" is not an outcome here: it belongs to the record framing and
 * handshake reassembly in {@link TlsStreamDecoder}, which wait for more bytes.
 *
 * @param <T> the parsed message type
 */
public final class TlsParse<T> {
    private final T value;
    private final TlsParseError error;
    private final String field;

    private TlsParse(T value, TlsParseError error, String field) {
        this.value = value;
        this.error = error;
        this.field = field;
    }

    public static <T> TlsParse<T> parsed(T value) {
        return new TlsParse<>(Objects.requireNonNull(value), null, null);
    }

    public static <T> TlsParse<T> failed(TlsParseError error, String field) {
        return new TlsParse<>(null, Objects.requireNonNull(error), Objects.requireNonNull(field));
    }

    public boolean isParsed() {
        return value != null;
    }

    /** The parsed value; asking a failed outcome for it is a programming error. */
    public T value() {
        if (value == null) {
            throw new IllegalStateException("not parsed: " + reason());
        }
        return value;
    }

    /** The error, or null when parsed. */
    public TlsParseError error() {
        return error;
    }

    /** The field the error is about (RFC names, e.g. {@code ServerHello.extensions}), or null. */
    public String field() {
        return field;
    }

    /** "field description", or "parsed". */
    public String reason() {
        return error == null ? "parsed" : field + " " + error.description();
    }

    @Override
    public String toString() {
        return isParsed() ? "parsed " + value : "failed: " + reason();
    }
}
