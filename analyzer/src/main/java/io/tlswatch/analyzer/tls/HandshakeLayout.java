package io.tlswatch.analyzer.tls;

import java.util.Arrays;

/**
 * The bytes of a handshake message header, the handshake types and the fixed sizes inside hellos.
 *
 * <pre>
 *   0        1        2        3        4
 *  +--------+--------+--------+--------+-------------------------+
 *  |msg_type|      length (uint24)     |  body (length bytes)    |
 *  +--------+--------+--------+--------+-------------------------+
 * </pre>
 *
 * RFC 8446 §4 (Handshake), RFC 5246 §7.4. Handshake messages are a stream of their own: one
 * message may span records and one record may hold several messages (RFC 8446 §5.1).
 */
public final class HandshakeLayout {
    /** Offset of the message type byte. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of the three-byte body length. */
    public static final int LENGTH_OFFSET = 1;
    /** Bytes before the body. */
    public static final int HEADER_LENGTH = 4;

    public static final int HELLO_REQUEST = 0;
    public static final int CLIENT_HELLO = 1;
    public static final int SERVER_HELLO = 2;
    public static final int NEW_SESSION_TICKET = 4;
    public static final int END_OF_EARLY_DATA = 5;
    /** hello_retry_request of TLS 1.3 drafts up to 21; RFC 8446 sends a ServerHello instead. */
    public static final int DRAFT_HELLO_RETRY_REQUEST = 6;
    public static final int ENCRYPTED_EXTENSIONS = 8;
    public static final int CERTIFICATE = 11;
    public static final int SERVER_KEY_EXCHANGE = 12;
    public static final int CERTIFICATE_REQUEST = 13;
    public static final int SERVER_HELLO_DONE = 14;
    public static final int CERTIFICATE_VERIFY = 15;
    public static final int CLIENT_KEY_EXCHANGE = 16;
    public static final int FINISHED = 20;
    /** certificate_status (RFC 6066 §8). */
    public static final int CERTIFICATE_STATUS = 22;
    public static final int KEY_UPDATE = 24;
    /** compressed_certificate (RFC 8879). */
    public static final int COMPRESSED_CERTIFICATE = 25;
    public static final int MESSAGE_HASH = 254;

    /** Random in both hellos (RFC 8446 §4.1.2). */
    public static final int RANDOM_LENGTH = 32;
    /** legacy_session_id&lt;0..32&gt; (RFC 8446 §4.1.2). */
    public static final int MAX_SESSION_ID_LENGTH = 32;

    /**
     * The ServerHello.random that marks a HelloRetryRequest: SHA-256("HelloRetryRequest"),
     * RFC 8446 §4.1.3.
     */
    private static final byte[] HELLO_RETRY_REQUEST_RANDOM = {
        (byte) 0xcf, 0x21, (byte) 0xad, 0x74, (byte) 0xe5, (byte) 0x9a, 0x61, 0x11,
        (byte) 0xbe, 0x1d, (byte) 0x8c, 0x02, 0x1e, 0x65, (byte) 0xb8, (byte) 0x91,
        (byte) 0xc2, (byte) 0xa2, 0x11, 0x16, 0x7a, (byte) 0xbb, (byte) 0x8c, 0x5e,
        0x07, (byte) 0x9e, 0x09, (byte) 0xe2, (byte) 0xc8, (byte) 0xa8, 0x33, (byte) 0x9c,
    };

    /** "DOWNGRD": the first 7 of the last 8 bytes of a TLS 1.3 server's random below 1.3 (§4.1.3). */
    private static final byte[] DOWNGRADE_PREFIX = {0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44};

    private HandshakeLayout() {
    }

    /** The message type of the header at {@code off}. */
    public static int type(byte[] b, int off) {
        return b[off + TYPE_OFFSET] & 0xff;
    }

    /** The body length of the header at {@code off}. */
    public static int length(byte[] b, int off) {
        int p = off + LENGTH_OFFSET;
        return (b[p] & 0xff) << 16 | (b[p + 1] & 0xff) << 8 | b[p + 2] & 0xff;
    }

    /** Whether {@code random} (32 bytes) is the HelloRetryRequest marker. */
    public static boolean isHelloRetryRequestRandom(byte[] random) {
        return Arrays.equals(random, HELLO_RETRY_REQUEST_RANDOM);
    }

    /**
     * The downgrade sentinel in a ServerHello.random (RFC 8446 §4.1.3): {@code 0x0303} for
     * "DOWNGRD\x01" (a TLS 1.3 server negotiating TLS 1.2), {@code 0x0302} for "DOWNGRD\x00"
     * (TLS 1.1 or below), else 0.
     */
    public static int downgradeSentinel(byte[] random) {
        if (random.length != RANDOM_LENGTH) {
            return 0;
        }
        int at = RANDOM_LENGTH - 8;
        for (int i = 0; i < DOWNGRADE_PREFIX.length; i++) {
            if (random[at + i] != DOWNGRADE_PREFIX[i]) {
                return 0;
            }
        }
        int last = random[RANDOM_LENGTH - 1];
        return last == 1 ? TlsRecordLayout.TLS_1_2 : last == 0 ? TlsRecordLayout.TLS_1_1 : 0;
    }
}
