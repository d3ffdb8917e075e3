package io.tlswatch.analyzer.quic;

/**
 * Reads the frames of a decrypted Initial packet (RFC 9000 §19) and hands each CRYPTO frame's
 * data to a sink. An Initial may carry only PADDING, PING, ACK, CRYPTO and the transport
 * CONNECTION_CLOSE (§12.4, Table 3); any other type ends the packet as
 * {@link #NOT_ALLOWED}, since its length is unknown to this reader.
 *
 * <pre>
 *  PADDING (0x00)            one byte
 *  PING (0x01)               one byte
 *  ACK (0x02, 0x03)          Largest Acknowledged (i), ACK Delay (i), ACK Range Count (i),
 *                            First ACK Range (i), Count x [Gap (i), ACK Range Length (i)],
 *                            0x03 only: ECT0, ECT1, ECN-CE counts (i)
 *  CRYPTO (0x06)             Offset (i), Length (i), Crypto Data (Length)
 *  CONNECTION_CLOSE (0x1c)   Error Code (i), Frame Type (i), Reason Phrase Length (i), Reason
 * </pre>
 *
 * Every count and length is bounded by the bytes left, so the work is linear in the packet.
 * Reused from packet to packet: allocates nothing, and belongs to one thread.
 */
final class InitialFrameParser {
    /** Every frame read. */
    static final int OK = 0;
    /** A frame runs past the packet or breaks its encoding; frames before it were handed out. */
    static final int MALFORMED = 1;
    /** A frame type an Initial may not carry; frames before it were handed out. */
    static final int NOT_ALLOWED = 2;

    static final int PADDING = 0x00;
    static final int PING = 0x01;
    static final int ACK = 0x02;
    static final int ACK_ECN = 0x03;
    static final int CRYPTO = 0x06;
    static final int CONNECTION_CLOSE = 0x1c;

    /** Receives CRYPTO data; {@code b} is valid only during the call. */
    interface CryptoSink {
        void onCrypto(long offset, byte[] b, int off, int len);
    }

    private byte[] b;
    private int limit;
    private int pos;
    private boolean truncated;

    /**
     * Reads the {@code len} bytes of frames at {@code b[off]}; an empty payload is malformed.
     *
     * @return {@link #OK}, {@link #MALFORMED} or {@link #NOT_ALLOWED}
     */
    int parse(byte[] b, int off, int len, CryptoSink sink) {
        if (len <= 0) {
            return MALFORMED;
        }
        this.b = b;
        this.pos = off;
        this.limit = off + len;
        this.truncated = false;
        int result = frames(sink);
        this.b = null;
        return result;
    }

    private int frames(CryptoSink sink) {
        while (pos < limit) {
            long type = varInt();
            if (truncated) {
                return MALFORMED;
            }
            int result = frame(type, sink);
            if (result != OK) {
                return result;
            }
        }
        return OK;
    }

    private int frame(long type, CryptoSink sink) {
        if (type == PADDING || type == PING) {
            return OK;
        }
        if (type == ACK || type == ACK_ECN) {
            return ack(type == ACK_ECN);
        }
        if (type == CRYPTO) {
            return crypto(sink);
        }
        if (type == CONNECTION_CLOSE) {
            varInt();
            varInt();
            return skip(varInt());
        }
        return NOT_ALLOWED;
    }

    private int ack(boolean ecn) {
        varInt();
        varInt();
        long ranges = varInt();
        varInt();
        for (long i = 0; i < ranges && !truncated; i++) {
            varInt();
            varInt();
        }
        if (ecn) {
            varInt();
            varInt();
            varInt();
        }
        return truncated ? MALFORMED : OK;
    }

    private int crypto(CryptoSink sink) {
        long offset = varInt();
        long length = varInt();
        if (truncated || length > limit - pos || offset + length > QuicLayout.MAX_VARINT) {
            return MALFORMED;
        }
        sink.onCrypto(offset, b, pos, (int) length);
        pos += (int) length;
        return OK;
    }

    private int skip(long length) {
        if (truncated || length > limit - pos) {
            return MALFORMED;
        }
        pos += (int) length;
        return OK;
    }

    /** The next variable-length integer, or 0 with {@link #truncated} set (and pos at the end). */
    private long varInt() {
        if (pos >= limit || pos + QuicLayout.varIntLength(b[pos]) > limit) {
            truncated = true;
            pos = limit;
            return 0;
        }
        long v = QuicLayout.varInt(b, pos);
        pos += QuicLayout.varIntLength(b[pos]);
        return v;
    }
}
