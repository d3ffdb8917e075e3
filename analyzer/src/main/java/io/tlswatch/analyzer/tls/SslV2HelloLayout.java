package io.tlswatch.analyzer.tls;

/**
 * The bytes of an SSL 2.0-compatible ClientHello, which old clients send to reach SSL 3.0/TLS
 * servers (RFC 5246 Appendix E.2, RFC 6101 Appendix E.1).
 *
 * <pre>
 *   0        1        2        3        4
 *  +--------+--------+--------+--------+--------+
 *  |1| msg_length(15)|msg_type| version (2)     |   msg_type = 1, version 0x0002 or 0x03xx
 *  +--------+--------+--------+--------+--------+
 *  | cipher_spec_length | session_id_length | challenge_length |   uint16 each
 *  +--------------------+-------------------+------------------+
 *  | cipher_specs (3 bytes each) | session_id | challenge (16..32) |
 *  +-----------------------------+------------+------------------+
 * </pre>
 *
 * {@code msg_length} counts the bytes after the two-byte header, starting at msg_type.
 */
public final class SslV2HelloLayout {
    /** The two-byte record header whose top bit is set. */
    public static final int HEADER_LENGTH = 2;
    /** Offset of msg_type (from the start of the record). */
    public static final int TYPE_OFFSET = 2;
    /** Offset of the two-byte version. */
    public static final int VERSION_OFFSET = 3;
    /** Bytes of msg_type, version and the three lengths: the smallest body. */
    public static final int FIXED_BODY_LENGTH = 9;
    /** Largest msg_length a two-byte header can carry. */
    public static final int MAX_BODY_LENGTH = 0x7fff;
    /** CLIENT-HELLO. */
    public static final int MSG_CLIENT_HELLO = 1;
    /** SERVER-HELLO: a server that answers in SSL 2.0. */
    public static final int MSG_SERVER_HELLO = 4;
    /** SSL 2.0's own version number. */
    public static final int SSL_2_0 = 0x0002;
    /** Bytes of one cipher spec; those whose first byte is 0 are TLS cipher suites. */
    public static final int CIPHER_SPEC_LENGTH = 3;
    public static final int MIN_CHALLENGE_LENGTH = 16;
    public static final int MAX_CHALLENGE_LENGTH = 32;

    private SslV2HelloLayout() {
    }

    /** Whether the first byte has the top bit that marks a two-byte SSL 2.0 header. */
    public static boolean hasTwoByteHeader(byte[] b, int off) {
        return (b[off] & 0x80) != 0;
    }

    /** msg_length of the two-byte header at {@code off}. */
    public static int bodyLength(byte[] b, int off) {
        return (b[off] & 0x7f) << 8 | b[off + 1] & 0xff;
    }

    /** msg_type of the record at {@code off}. */
    public static int messageType(byte[] b, int off) {
        return b[off + TYPE_OFFSET] & 0xff;
    }

    /** version of the record at {@code off}. */
    public static int version(byte[] b, int off) {
        return (b[off + VERSION_OFFSET] & 0xff) << 8 | b[off + VERSION_OFFSET + 1] & 0xff;
    }
}
