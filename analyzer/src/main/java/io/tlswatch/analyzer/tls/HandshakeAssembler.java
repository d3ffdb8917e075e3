package io.tlswatch.analyzer.tls;

import java.util.Arrays;

/**
 * The handshake sink of one direction (as Zeek's SSL analyzer has one): takes the bodies of
 * plaintext handshake records in order and hands out whole handshake messages, however records
 * cut them (RFC 8446 §5.1: a message may span records, a record may hold several messages).
 *
 * <p>A message that lies inside one record body is handed out in place, without a copy (as
 * Netty's slices). Only a message that spans records is copied into the one reassembly buffer,
 * which is allocated when first needed and grown with the bytes that arrive, up to the
 * {@link TlsLimits} bound for that message type. A message whose header claims more than its bound
 * is reported and its body skipped as it streams past; the messages after it are read.
 */
final class HandshakeAssembler {
    /** Receives what the assembler finds; {@code b} is valid only during the call. */
    interface Sink {
        void onMessage(int type, byte[] b, int bodyOff, int bodyLen);

        void onOversizedMessage(int type, int claimedLength);
    }

    private static final int FIRST_CAPACITY = 4096;

    private final TlsLimits limits;
    private byte[] buffer;
    /** Bytes of the current partial message in {@link #buffer}, header included. */
    private int buffered;
    /** Body bytes of an oversized message still to skip. */
    private int skipRemaining;

    HandshakeAssembler(TlsLimits limits) {
        this.limits = limits;
    }

    /** Forgets any partial message; keeps a buffer of ordinary size for the next flow. */
    void reset() {
        buffered = 0;
        skipRemaining = 0;
        if (buffer != null && buffer.length > limits.maxHandshakeMessageBytes() + HandshakeLayout.HEADER_LENGTH) {
            buffer = null;
        }
    }

    /** Whether a message has started and not yet ended (or is being skipped). */
    boolean inMessage() {
        return buffered > 0 || skipRemaining > 0;
    }

    /** Bytes the reassembly buffer holds now (0 before the first message that spans records). */
    int bufferCapacity() {
        return buffer == null ? 0 : buffer.length;
    }

    /** Takes the body of one handshake record. */
    void append(byte[] b, int off, int len, Sink sink) {
        int pos = off;
        int end = off + len;
        while (pos < end) {
            if (skipRemaining > 0) {
                int n = Math.min(skipRemaining, end - pos);
                skipRemaining -= n;
                pos += n;
            } else if (buffered > 0) {
                pos = continueBuffered(b, pos, end, sink);
            } else {
                pos = startMessage(b, pos, end, sink);
            }
        }
    }

    /** At a message boundary: hands out a whole message in place, or starts buffering one. */
    private int startMessage(byte[] b, int pos, int end, Sink sink) {
        if (end - pos < HandshakeLayout.HEADER_LENGTH) {
            return buffer(b, pos, end);
        }
        int type = HandshakeLayout.type(b, pos);
        int length = HandshakeLayout.length(b, pos);
        if (length > limits.maxBytes(type)) {
            sink.onOversizedMessage(type, length);
            skipRemaining = length;
            return pos + HandshakeLayout.HEADER_LENGTH;
        }
        int total = HandshakeLayout.HEADER_LENGTH + length;
        if (end - pos >= total) {
            sink.onMessage(type, b, pos + HandshakeLayout.HEADER_LENGTH, length);
            return pos + total;
        }
        return buffer(b, pos, end);
    }

    /** Adds to the buffered partial message; hands it out once whole. */
    private int continueBuffered(byte[] b, int pos, int end, Sink sink) {
        if (buffered < HandshakeLayout.HEADER_LENGTH) {
            int n = Math.min(HandshakeLayout.HEADER_LENGTH - buffered, end - pos);
            System.arraycopy(b, pos, buffer, buffered, n);
            buffered += n;
            pos += n;
            if (buffered < HandshakeLayout.HEADER_LENGTH) {
                return pos;
            }
            int type = HandshakeLayout.type(buffer, 0);
            int length = HandshakeLayout.length(buffer, 0);
            if (length > limits.maxBytes(type)) {
                sink.onOversizedMessage(type, length);
                buffered = 0;
                skipRemaining = length;
                return pos;
            }
        }
        int total = HandshakeLayout.HEADER_LENGTH + HandshakeLayout.length(buffer, 0);
        int n = Math.min(total - buffered, end - pos);
        ensureCapacity(buffered + n);
        System.arraycopy(b, pos, buffer, buffered, n);
        buffered += n;
        if (buffered == total) {
            buffered = 0;
            sink.onMessage(HandshakeLayout.type(buffer, 0), buffer, HandshakeLayout.HEADER_LENGTH,
                    total - HandshakeLayout.HEADER_LENGTH);
        }
        return pos + n;
    }

    /** Copies [pos, end), the start of a message, into the buffer; returns end. */
    private int buffer(byte[] b, int pos, int end) {
        ensureCapacity(end - pos);
        System.arraycopy(b, pos, buffer, 0, end - pos);
        buffered = end - pos;
        return end;
    }

    /** Grows the buffer to hold {@code needed} bytes (never above the largest bound plus header). */
    private void ensureCapacity(int needed) {
        if (buffer == null) {
            buffer = new byte[Math.max(needed, FIRST_CAPACITY)];
        } else if (buffer.length < needed) {
            int max = limits.maxAnyMessageBytes() + HandshakeLayout.HEADER_LENGTH;
            buffer = Arrays.copyOf(buffer, (int) Math.min(max, Math.max(needed, 2L * buffer.length)));
        }
    }
}
