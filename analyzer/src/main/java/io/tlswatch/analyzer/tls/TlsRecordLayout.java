package io.tlswatch.analyzer.tls;

/**
 * The bytes of a TLS record header and the numbers that bound it; nothing else lives here.
 *
 * <pre>
 *   0        1        2        3        4        5
 *  +--------+--------+--------+--------+--------+----------------------------+
 *  |  type  |  legacy_record_version  |      length     |  fragment (length)  |
 *  +--------+--------+--------+--------+--------+----------------------------+
 *   uint8    uint8 major, uint8 minor  uint16 big-endian
 * </pre>
 *
 * RFC 8446 §5.1 (TLSPlaintext), RFC 5246 §6.2.1 (TLSPlaintext) and §6.2.3 (TLSCiphertext),
 * RFC 6101 §5.2.1 (SSL 3.0). A TLS 1.3 record carries at most 2^14 + 256 bytes of ciphertext,
 * within the TLS 1.2 bound of 2^14 + 2048 used here for every version.
 */
public final class TlsRecordLayout {
    /** Offset of the content type byte. */
    public static final int TYPE_OFFSET = 0;
    /** Offset of the two-byte record version (major, minor). */
    public static final int VERSION_OFFSET = 1;
    /** Offset of the two-byte fragment length. */
    public static final int LENGTH_OFFSET = 3;
    /** Bytes before the fragment. */
    public static final int HEADER_LENGTH = 5;

    /** change_cipher_spec (RFC 5246 §7.1). */
    public static final int CHANGE_CIPHER_SPEC = 20;
    /** alert (RFC 8446 §6). */
    public static final int ALERT = 21;
    /** handshake (RFC 8446 §4). */
    public static final int HANDSHAKE = 22;
    /** application_data; in TLS 1.3 also the outer type of every protected record (RFC 8446 §5.2). */
    public static final int APPLICATION_DATA = 23;
    /** heartbeat (RFC 6520 §3). */
    public static final int HEARTBEAT = 24;

    /** The one record major version of SSL 3.0 up to TLS 1.3. */
    public static final int MAJOR_VERSION = 3;
    /** SSL 3.0 (RFC 6101). */
    public static final int SSL_3_0 = 0x0300;
    /** TLS 1.0 (RFC 2246). */
    public static final int TLS_1_0 = 0x0301;
    /** TLS 1.1 (RFC 4346). */
    public static final int TLS_1_1 = 0x0302;
    /** TLS 1.2 (RFC 5246); also the legacy_version of every TLS 1.3 hello. */
    public static final int TLS_1_2 = 0x0303;
    /** TLS 1.3 (RFC 8446); seen only in supported_versions, never as a record version on the wire. */
    public static final int TLS_1_3 = 0x0304;
    /** Highest record minor version accepted (0x0304). */
    public static final int MAX_MINOR_VERSION = 4;

    /** Largest TLSPlaintext.length: 2^14 (RFC 8446 §5.1, RFC 5246 §6.2.1). */
    public static final int MAX_PLAINTEXT_LENGTH = 1 << 14;
    /** Largest TLSCiphertext.length: 2^14 + 2048 (RFC 5246 §6.2.3). */
    public static final int MAX_CIPHERTEXT_LENGTH = MAX_PLAINTEXT_LENGTH + 2048;
    /** The most bytes one record occupies in the stream: what a caller must be able to hold. */
    public static final int MAX_RECORD_BYTES = HEADER_LENGTH + MAX_CIPHERTEXT_LENGTH;

    private TlsRecordLayout() {
    }

    /** The content type byte of the header at {@code off}. */
    public static int type(byte[] b, int off) {
        return b[off + TYPE_OFFSET] & 0xff;
    }

    /** The record version of the header at {@code off}, e.g. 0x0303. */
    public static int version(byte[] b, int off) {
        return (b[off + VERSION_OFFSET] & 0xff) << 8 | b[off + VERSION_OFFSET + 1] & 0xff;
    }

    /** The fragment length of the header at {@code off}. */
    public static int length(byte[] b, int off) {
        return (b[off + LENGTH_OFFSET] & 0xff) << 8 | b[off + LENGTH_OFFSET + 1] & 0xff;
    }

    /** Whether {@code type} is one of the five content types (20 to 24). */
    public static boolean isKnownType(int type) {
        return type >= CHANGE_CIPHER_SPEC && type <= HEARTBEAT;
    }

    /** Whether {@code version} is a record version from SSL 3.0 (0x0300) to TLS 1.3 (0x0304). */
    public static boolean isKnownVersion(int version) {
        return version >>> 8 == MAJOR_VERSION && (version & 0xff) <= MAX_MINOR_VERSION;
    }
}
