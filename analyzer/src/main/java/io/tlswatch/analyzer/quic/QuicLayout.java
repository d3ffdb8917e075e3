package io.tlswatch.analyzer.quic;

/**
 * The bytes of a QUIC long header as a passive reader meets them: the version-independent part
 * (RFC 8999 §5.1), the Initial packet that carries the client's first flight (RFC 9000 §17.2.2),
 * the Retry packet (§17.2.5), the variable-length integer (§16), header protection's sample
 * (RFC 9001 §5.4.2) and the version numbers (RFC 9000 §15, RFC 9369 §3.1).
 *
 * <pre>
 *   0          1                   5          6               6+d        7+d
 *  +----------+-------------------+----------+---------------+----------+---------------+---------
 *  |1|1|TT|xxxx|  Version (32)     | DCID Len | DCID (d bytes)| SCID Len | SCID (s bytes)| type-
 *  +----------+-------------------+----------+---------------+----------+---------------+ specific
 *   form, fixed bit, long packet type, type-specific bits (for an Initial: 2 reserved bits and
 *   the packet number length minus one, both under header protection)
 *
 *  Initial (type 0 in v1, 1 in v2), after the SCID:
 *  +------------------+-----------+------------+----------------------+------------------------+
 *  | Token Length (i) | Token     | Length (i) | Packet Number (1..4) | Payload (AEAD, 16-byte |
 *  +------------------+-----------+------------+----------------------+  tag included)         |
 *                                   Length counts the packet number and the payload
 *
 *  Retry (type 3 in v1, 0 in v2), after the SCID:
 *  +-------------------------------+-------------------------------+
 *  | Retry Token (to the end - 16) | Retry Integrity Tag (16)      |
 *  +-------------------------------+-------------------------------+
 *
 *  Version Negotiation: version 0, the fixed bit and type unused, then a list of versions.
 *  A short header (1-RTT) has the form bit 0; nothing in it is readable without 1-RTT keys.
 * </pre>
 *
 * Only describes bytes: {@link QuicPacketHeader} parses, {@link QuicVersion} knows each version's
 * numbering and keys. Accessors assume the caller has bounds-checked the bytes they read.
 */
public final class QuicLayout {
    /** First byte: 1 for a long header, 0 for a short one (RFC 9000 §17.2). */
    public static final int HEADER_FORM_BIT = 0x80;
    /** First byte: 1 in every version 1 and 2 packet but Version Negotiation (§17.2). */
    public static final int FIXED_BIT = 0x40;
    /** First byte: the long packet type, numbered per version ({@link QuicVersion#packetType}). */
    public static final int LONG_PACKET_TYPE_MASK = 0x30;
    public static final int LONG_PACKET_TYPE_SHIFT = 4;
    /** First byte of a long header: reserved bits, 0 once header protection is removed (§17.2). */
    public static final int LONG_RESERVED_BITS = 0x0c;
    /** First byte: the packet number length minus one (§17.2). */
    public static final int PACKET_NUMBER_LENGTH_MASK = 0x03;
    /** First byte bits under header protection in a long header (RFC 9001 §5.4.1). */
    public static final int LONG_HEADER_PROTECTED_BITS = 0x0f;

    public static final int VERSION_OFFSET = 1;
    public static final int VERSION_LENGTH = 4;
    public static final int DCID_LENGTH_OFFSET = 5;
    public static final int DCID_OFFSET = 6;
    /** First byte, version and the two connection ID lengths. */
    public static final int MIN_LONG_HEADER_LENGTH = 7;
    /** Longest connection ID in versions 1 and 2 (RFC 9000 §17.2); the invariants allow 255. */
    public static final int MAX_CONNECTION_ID_LENGTH = 20;

    public static final int MAX_PACKET_NUMBER_LENGTH = 4;
    /** The header protection sample starts this far after the packet number's first byte. */
    public static final int SAMPLE_OFFSET_FROM_PACKET_NUMBER = 4;
    public static final int SAMPLE_LENGTH = 16;
    /** AEAD_AES_128_GCM's tag, the last bytes of every protected payload (RFC 9001 §5.3). */
    public static final int AEAD_TAG_LENGTH = 16;
    public static final int RETRY_INTEGRITY_TAG_LENGTH = 16;
    /** A variable-length integer's largest value, 2^62 - 1 (§16); also the CRYPTO stream's end. */
    public static final long MAX_VARINT = (1L << 62) - 1;

    /** Version Negotiation packets carry version 0 (§17.2.1). */
    public static final int VERSION_NEGOTIATION = 0;
    public static final int VERSION_1 = 0x00000001;
    /** RFC 9369 §3.1: the first four bytes of SHA-256("QUICv2 version number"). */
    public static final int VERSION_2 = 0x6b3343cf;
    /** Mask and value of the versions reserved to exercise negotiation, 0x?a?a?a?a (RFC 9000 §15). */
    public static final int RESERVED_VERSION_MASK = 0x0f0f0f0f;
    public static final int RESERVED_VERSION_PATTERN = 0x0a0a0a0a;
    /** IETF drafts are 0xff0000NN, NN the draft number. */
    public static final int DRAFT_VERSION_PREFIX = 0xff0000;

    private QuicLayout() {
    }

    public static boolean isLongHeader(int firstByte) {
        return (firstByte & HEADER_FORM_BIT) != 0;
    }

    public static boolean hasFixedBit(int firstByte) {
        return (firstByte & FIXED_BIT) != 0;
    }

    /** The two long packet type bits, 0 to 3. */
    public static int longPacketTypeBits(int firstByte) {
        return (firstByte & LONG_PACKET_TYPE_MASK) >>> LONG_PACKET_TYPE_SHIFT;
    }

    /** The packet number length in bytes, 1 to 4, of an unprotected first byte. */
    public static int packetNumberLength(int firstByte) {
        return (firstByte & PACKET_NUMBER_LENGTH_MASK) + 1;
    }

    /** The version field of the long header starting at {@code off}. */
    public static int version(byte[] b, int off) {
        int p = off + VERSION_OFFSET;
        return (b[p] & 0xff) << 24 | (b[p + 1] & 0xff) << 16 | (b[p + 2] & 0xff) << 8 | b[p + 3] & 0xff;
    }

    /** Whether {@code version} is one of the 0x?a?a?a?a versions reserved for negotiation. */
    public static boolean isReservedVersion(int version) {
        return (version & RESERVED_VERSION_MASK) == RESERVED_VERSION_PATTERN;
    }

    /** The draft number of an IETF draft version 0xff0000NN, else -1. */
    public static int draftNumber(int version) {
        return version >>> 8 == DRAFT_VERSION_PREFIX ? version & 0xff : -1;
    }

    /** Bytes of the variable-length integer whose first byte is {@code firstByte}: 1, 2, 4 or 8 (§16). */
    public static int varIntLength(int firstByte) {
        return 1 << ((firstByte & 0xff) >>> 6);
    }

    /** The variable-length integer at {@code off}, all {@link #varIntLength} bytes of it present. */
    public static long varInt(byte[] b, int off) {
        int n = varIntLength(b[off]);
        long v = b[off] & 0x3f;
        for (int i = 1; i < n; i++) {
            v = v << 8 | b[off + i] & 0xff;
        }
        return v;
    }
}
