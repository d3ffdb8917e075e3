package io.tlswatch.analyzer.tls;

import java.util.Arrays;

/**
 * A cursor over a bounded slice of bytes that reads the TLS presentation language (RFC 8446 §3):
 * big-endian integers and vectors with a 1, 2 or 3 byte length. It never reads past its limit
 * and never throws: the first failure is recorded (once, with the field named) on the reader the
 * parse started from, the failing reader jumps to its end so loops stop, and reads after a
 * failure return 0 or empty arrays. Parsers check {@link #ok()} where the result matters.
 *
 * <p>Vectors are read as child readers over the vector's bytes; a child reports its failures to
 * the same root. Used by one parse on one thread; allocation is per message, not per packet.
 */
final class TlsReader {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] buf;
    private final int limit;
    private final TlsReader root;
    private int pos;
    private TlsParseError error;
    private String field;

    TlsReader(byte[] buf, int off, int len) {
        this(buf, off, len, null);
    }

    private TlsReader(byte[] buf, int off, int len, TlsReader root) {
        if (off < 0 || len < 0 || off + (long) len > buf.length) {
            throw new IndexOutOfBoundsException("slice [" + off + ", +" + len + ") of " + buf.length);
        }
        this.buf = buf;
        this.pos = off;
        this.limit = off + len;
        this.root = root == null ? this : root;
    }

    /** Whether nothing has failed in this parse so far. */
    boolean ok() {
        return root.error == null;
    }

    int remaining() {
        return limit - pos;
    }

    /** Records a failure (the first one wins) and moves this reader to its end. */
    void fail(TlsParseError why, String what) {
        if (root.error == null) {
            root.error = why;
            root.field = what;
        }
        pos = limit;
    }

    /** The recorded failure as a parse outcome; only meaningful when {@link #ok()} is false. */
    <T> TlsParse<T> failure() {
        return TlsParse.failed(root.error, root.field);
    }

    /** Fails with TRAILING_BYTES unless everything has been read. */
    void expectEnd(String what) {
        if (pos != limit) {
            fail(TlsParseError.TRAILING_BYTES, what);
        }
    }

    private boolean has(int n, String what) {
        if (limit - pos < n) {
            fail(TlsParseError.TRUNCATED, what);
            return false;
        }
        return true;
    }

    int u8(String what) {
        if (!has(1, what)) {
            return 0;
        }
        return buf[pos++] & 0xff;
    }

    int u16(String what) {
        if (!has(2, what)) {
            return 0;
        }
        int v = (buf[pos] & 0xff) << 8 | buf[pos + 1] & 0xff;
        pos += 2;
        return v;
    }

    int u24(String what) {
        if (!has(3, what)) {
            return 0;
        }
        int v = (buf[pos] & 0xff) << 16 | (buf[pos + 1] & 0xff) << 8 | buf[pos + 2] & 0xff;
        pos += 3;
        return v;
    }

    /** A copy of the next {@code n} bytes. */
    byte[] bytes(int n, String what) {
        if (!has(n, what)) {
            return EMPTY;
        }
        byte[] out = n == 0 ? EMPTY : Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return out;
    }

    /** A child reader over the next {@code n} bytes, which this reader then skips. */
    TlsReader slice(int n, String what) {
        if (!has(n, what)) {
            return new TlsReader(buf, pos, 0, root);
        }
        TlsReader child = new TlsReader(buf, pos, n, root);
        pos += n;
        return child;
    }

    /** The contents of a vector with a 1-byte length, as a child reader. */
    TlsReader vector8(String what) {
        return slice(u8(what), what);
    }

    /** The contents of a vector with a 2-byte length, as a child reader. */
    TlsReader vector16(String what) {
        return slice(u16(what), what);
    }

    /** The contents of a vector with a 3-byte length, as a child reader. */
    TlsReader vector24(String what) {
        return slice(u24(what), what);
    }

    /** The rest of this reader as a copy. */
    byte[] rest() {
        return bytes(remaining(), "rest");
    }

    /**
     * The rest of this reader as uint16 values (a list such as cipher_suites); an odd number of
     * bytes fails with BAD_LENGTH.
     */
    int[] u16List(String what) {
        if ((remaining() & 1) != 0) {
            fail(TlsParseError.BAD_LENGTH, what);
            return new int[0];
        }
        int[] out = new int[remaining() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = u16(what);
        }
        return out;
    }

    /** The rest of this reader as uint8 values. */
    int[] u8List(String what) {
        int[] out = new int[remaining()];
        for (int i = 0; i < out.length; i++) {
            out[i] = u8(what);
        }
        return out;
    }

    /** Fails with BAD_LENGTH when {@code length} is outside [min, max] (RFC vector bounds). */
    boolean requireLength(int length, int min, int max, String what) {
        if (length < min || length > max) {
            fail(TlsParseError.BAD_LENGTH, what);
            return false;
        }
        return true;
    }
}
