package io.tlswatch.analyzer.tls;

import java.util.Arrays;
import java.util.function.IntSupplier;

/**
 * Plays the caller of {@link TlsStreamDecoder#feed} as TCP reassembly will: appends each arriving
 * chunk to the bytes the decoder left unconsumed, offers them all, keeps what it did not consume,
 * and discards the stream bytes it asked to skip.
 */
final class StreamFeeder {
    private StreamFeeder() {
    }

    /** Feeds {@code stream} in one piece. */
    static void whole(TlsStreamDecoder decoder, byte[] stream) {
        chunked(decoder, stream, () -> stream.length);
    }

    /** Feeds {@code stream} in chunks of the sizes {@code chunkSize} gives (each at least 1). */
    static void chunked(TlsStreamDecoder decoder, byte[] stream, IntSupplier chunkSize) {
        byte[] pending = new byte[Math.max(16, stream.length)];
        int pendingLength = 0;
        long skip = 0;
        int pos = 0;
        while (pos < stream.length) {
            int n = Math.min(Math.max(1, chunkSize.getAsInt()), stream.length - pos);
            int skipped = (int) Math.min(skip, n);
            skip -= skipped;
            pos += skipped;
            n -= skipped;
            if (n == 0) {
                continue;
            }
            System.arraycopy(stream, pos, pending, pendingLength, n);
            pendingLength += n;
            pos += n;
            long consumed = decoder.feed(pending, 0, pendingLength);
            if (consumed < 0) {
                throw new AssertionError("feed returned " + consumed);
            }
            if (consumed >= pendingLength) {
                skip += consumed - pendingLength;
                pendingLength = 0;
            } else {
                pending = shift(pending, (int) consumed, pendingLength);
                pendingLength -= (int) consumed;
            }
        }
    }

    private static byte[] shift(byte[] pending, int consumed, int length) {
        byte[] out = Arrays.copyOf(pending, pending.length);
        System.arraycopy(pending, consumed, out, 0, length - consumed);
        return out;
    }
}
