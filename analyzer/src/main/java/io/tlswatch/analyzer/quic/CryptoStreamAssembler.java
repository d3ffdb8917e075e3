package io.tlswatch.analyzer.quic;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import java.util.Arrays;

/**
 * The client's Initial CRYPTO stream (RFC 9000 §19.6, RFC 9001 §4.1.3) put back together from
 * frames that arrive in any order, split across packets and datagrams, and overlapping
 * (retransmissions; where copies disagree the first one wins), until it holds the first handshake
 * message whole: the ClientHello, whose 4-byte header gives its length ({@link HandshakeLayout}).
 *
 * <p>Bounded: bytes at stream offsets at or past {@code maxBytes} are dropped and reported. The
 * buffer is allocated at the first frame and grows with the offsets that actually arrive, never
 * with what a length field claims. Which bytes have arrived is one bit each.
 */
final class CryptoStreamAssembler {
    /** The first message is not complete yet. */
    static final int NEED_MORE = 0;
    /** {@link #buffer()} holds the whole first message from offset 0. */
    static final int COMPLETE = 1;
    /** The stream's first byte is not client_hello. */
    static final int NOT_CLIENT_HELLO = 2;
    /** The ClientHello's length claims more than the bound holds. */
    static final int TOO_LARGE = 3;

    private static final int FIRST_CAPACITY = 2048;

    private final int maxBytes;
    private byte[] data;
    private long[] present;
    /** Bytes present from offset 0 without a gap. */
    private int contiguous;

    CryptoStreamAssembler(int maxBytes) {
        this.maxBytes = maxBytes;
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
        int start = (int) offset;
        int end = (int) Math.min(maxBytes, offset + len);
        ensureCapacity(end);
        for (int i = start; i < end; i++) {
            long bit = 1L << i;
            if ((present[i >>> 6] & bit) == 0) {
                present[i >>> 6] |= bit;
                data[i] = b[off + i - start];
            }
        }
        while (contiguous < data.length && (present[contiguous >>> 6] & 1L << contiguous) != 0) {
            contiguous++;
        }
        return offset + len <= maxBytes;
    }

    /** Where the first message stands: {@link #NEED_MORE}, {@link #COMPLETE} or why it never will be. */
    int state() {
        if (contiguous < HandshakeLayout.HEADER_LENGTH) {
            return contiguous > 0 && HandshakeLayout.type(data, 0) != HandshakeLayout.CLIENT_HELLO
                    ? NOT_CLIENT_HELLO : NEED_MORE;
        }
        if (HandshakeLayout.type(data, 0) != HandshakeLayout.CLIENT_HELLO) {
            return NOT_CLIENT_HELLO;
        }
        long total = HandshakeLayout.HEADER_LENGTH + (long) HandshakeLayout.length(data, 0);
        if (total > maxBytes) {
            return TOO_LARGE;
        }
        return contiguous >= total ? COMPLETE : NEED_MORE;
    }

    /** The stream from offset 0; when {@link #COMPLETE}, the message with its header. */
    byte[] buffer() {
        return data;
    }

    /** The body length the first message's header claims (once 4 bytes are present). */
    int messageBodyLength() {
        return HandshakeLayout.length(data, 0);
    }

    /** Bytes present from offset 0 without a gap. */
    int contiguousBytes() {
        return contiguous;
    }

    /** Frees the buffers (after the ClientHello, or when the stream is given up). */
    void release() {
        data = null;
        present = null;
        contiguous = 0;
    }

    private void ensureCapacity(int needed) {
        if (data == null) {
            data = new byte[Math.min(maxBytes, Math.max(needed, FIRST_CAPACITY))];
        } else if (data.length < needed) {
            data = Arrays.copyOf(data, (int) Math.min(maxBytes, Math.max(needed, 2L * data.length)));
        } else {
            return;
        }
        present = present == null ? new long[(data.length + 63) >>> 6]
                : Arrays.copyOf(present, (data.length + 63) >>> 6);
    }
}
