package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import java.util.Arrays;

/**
 * One side's Initial CRYPTO stream (RFC 9000 §19.6, RFC 9001 §4.1.3) put back together from
 * frames that arrive in any order, split across packets and datagrams, and overlapping
 * (retransmissions; where copies disagree the first one wins), as the hello messages it carries
 * one after another: the client's ClientHello, and its second one after a HelloRetryRequest
 * (RFC 9001 §4.1.4: the stream's offsets go on in the same packet number space); the server's
 * ServerHello, after its HelloRetryRequest if it sent one. Each message's 4-byte header gives its
 * length ({@link HandshakeLayout}).
 *
 * <p>The current message starts the buffer; {@link #next()} moves past it. Bytes of a message
 * already read are ignored when they come again. Bounded: bytes at stream offsets at or past
 * {@code maxBytes} are dropped and reported. The buffer is allocated at the first frame and grows
 * with the offsets that actually arrive, never with what a length field claims. Which bytes have
 * arrived is one bit each.
 */
final class CryptoStreamAssembler {
    /** The current message is not complete yet. */
    static final int NEED_MORE = 0;
    /** {@link #buffer()} holds the whole current message from index 0. */
    static final int COMPLETE = 1;
    /** The current message's first byte is not the handshake type this stream carries. */
    static final int UNEXPECTED_TYPE = 2;
    /** The current message's length claims more than the bound holds. */
    static final int TOO_LARGE = 3;

    private static final int FIRST_CAPACITY = 2048;

    private final int maxBytes;
    private final int messageType;
    /** The stream offset of {@code data[0]}: where the current message starts. */
    private int base;
    private byte[] data;
    private long[] present;
    /** Bytes present from {@link #base} without a gap. */
    private int contiguous;

    /**
     * @param maxBytes the stream offset at which bytes are dropped
     * @param messageType the handshake type of every message this stream carries
     */
    CryptoStreamAssembler(int maxBytes, int messageType) {
        this.maxBytes = maxBytes;
        this.messageType = messageType;
    }

    /**
     * Takes the data of one CRYPTO frame at stream {@code offset}.
     *
     * @return false when some of it lay at or past the bound and was dropped
     */
    boolean add(long offset, byte[] b, int off, int len) {
        if (len == 0) {
            return true;
        }
        if (offset >= maxBytes) {
            return false;
        }
        long end = Math.min(maxBytes, offset + len);
        if (end > base) {
            int start = (int) Math.max(offset, base);
            int from = off + (int) (start - offset);
            store(start - base, b, from, (int) end - start);
        }
        return offset + len <= maxBytes;
    }

    private void store(int at, byte[] b, int from, int count) {
        ensureCapacity(at + count);
        for (int i = 0; i < count; i++) {
            int p = at + i;
            long bit = 1L << p;
            if ((present[p >>> 6] & bit) == 0) {
                present[p >>> 6] |= bit;
                data[p] = b[from + i];
            }
        }
        while (contiguous < data.length && (present[contiguous >>> 6] & 1L << contiguous) != 0) {
            contiguous++;
        }
    }

    /** Where the current message stands: {@link #NEED_MORE}, {@link #COMPLETE} or why it never will be. */
    int state() {
        if (contiguous == 0) {
            return NEED_MORE;
        }
        if (HandshakeLayout.type(data, 0) != messageType) {
            return UNEXPECTED_TYPE;
        }
        if (contiguous < HandshakeLayout.HEADER_LENGTH) {
            return NEED_MORE;
        }
        long total = HandshakeLayout.HEADER_LENGTH + (long) HandshakeLayout.length(data, 0);
        if (base + total > maxBytes) {
            return TOO_LARGE;
        }
        return contiguous >= total ? COMPLETE : NEED_MORE;
    }

    /** The stream from the current message on; when {@link #COMPLETE}, the message with its header at 0. */
    byte[] buffer() {
        return data;
    }

    /** The handshake type of the current message (once its first byte is present). */
    int messageTypeFound() {
        return HandshakeLayout.type(data, 0);
    }

    /** The body length the current message's header claims (once 4 bytes are present). */
    int messageBodyLength() {
        return HandshakeLayout.length(data, 0);
    }

    /** Bytes present from the current message's start without a gap. */
    int contiguousBytes() {
        return contiguous;
    }

    /** The stream offset where the current message starts. */
    int messageOffset() {
        return base;
    }

    /**
     * Moves past the current message, which must be {@link #COMPLETE}: bytes that already came
     * after it start the buffer; the buffer is freed when none did.
     */
    void next() {
        int length = HandshakeLayout.HEADER_LENGTH + HandshakeLayout.length(data, 0);
        base += length;
        int rest = data.length - length;
        boolean anyAfter = false;
        for (int i = length; i < data.length && !anyAfter; i++) {
            anyAfter = (present[i >>> 6] & 1L << i) != 0;
        }
        if (!anyAfter) {
            release();
            return;
        }
        byte[] oldData = data;
        long[] oldPresent = present;
        data = new byte[rest];
        present = new long[(rest + 63) >>> 6];
        contiguous = 0;
        for (int i = 0; i < rest; i++) {
            int p = length + i;
            if ((oldPresent[p >>> 6] & 1L << p) != 0) {
                present[i >>> 6] |= 1L << i;
                data[i] = oldData[p];
            }
        }
        while (contiguous < rest && (present[contiguous >>> 6] & 1L << contiguous) != 0) {
            contiguous++;
        }
    }

    /** Frees the buffers (the stream is read or given up); the stream's position is kept. */
    void release() {
        data = null;
        present = null;
        contiguous = 0;
    }

    private void ensureCapacity(int needed) {
        int limit = maxBytes - base;
        if (data == null) {
            data = new byte[Math.min(limit, Math.max(needed, FIRST_CAPACITY))];
        } else if (data.length < needed) {
            data = Arrays.copyOf(data, (int) Math.min(limit, Math.max(needed, 2L * data.length)));
        } else {
            return;
        }
        present = present == null ? new long[(data.length + 63) >>> 6]
                : Arrays.copyOf(present, (data.length + 63) >>> 6);
    }
}
