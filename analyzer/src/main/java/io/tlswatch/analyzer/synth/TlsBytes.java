package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import java.util.Arrays;
import java.util.List;

/**
 * Writes TLS structures in the RFC 8446 §3 presentation language (big-endian integers, vectors with
 * a 1-, 2- or 3-byte length in front): for the synthetic handshakes of generated captures, and for
 * tests that need a variant of a real message with its lengths kept consistent (one more extension,
 * a record cut differently). Once per handshake, not per packet: it grows an array as it goes.
 * Not thread-safe.
 */
public final class TlsBytes {
    private static final int INITIAL_CAPACITY = 64;

    private byte[] buf;
    private int size;

    public TlsBytes() {
        this(INITIAL_CAPACITY);
    }

    /** A writer whose first {@code capacity} bytes need no growing. */
    public TlsBytes(int capacity) {
        buf = new byte[capacity];
    }

    public TlsBytes u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public TlsBytes u16(int v) {
        return u8(v >> 8).u8(v);
    }

    public TlsBytes u24(int v) {
        return u8(v >> 16).u16(v);
    }

    public TlsBytes bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    public TlsBytes bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
        return this;
    }

    /** {@code opaque b<0..2^8-1>}. */
    public TlsBytes vector8(byte[] b) {
        return u8(fits(b.length, 0xff)).bytes(b);
    }

    /** {@code opaque b<0..2^16-1>}. */
    public TlsBytes vector16(byte[] b) {
        return u16(fits(b.length, 0xffff)).bytes(b);
    }

    /** {@code opaque b<0..2^24-1>}. */
    public TlsBytes vector24(byte[] b) {
        return u24(fits(b.length, 0xff_ffff)).bytes(b);
    }

    private static int fits(int length, int max) {
        if (length > max) {
            throw new IllegalArgumentException("a vector of " + length + " bytes does not fit a length field of at most " + max);
        }
        return length;
    }

    public byte[] toBytes() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + (long) more > buf.length) {
            long wanted = Math.max(2L * buf.length, size + (long) more);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("TLS structures of " + wanted + " bytes are not written here");
            }
            buf = Arrays.copyOf(buf, (int) wanted);
        }
    }

    /** {@code Extension extensions<..>}: each type and data, with the 2-byte total length. */
    public static byte[] extensions(List<TlsExtension> extensions) {
        TlsBytes list = new TlsBytes();
        for (TlsExtension e : extensions) {
            list.u16(e.type()).vector16(e.data());
        }
        return new TlsBytes().vector16(list.toBytes()).toBytes();
    }

    /** A ClientHello body with the fields of {@code hello} and the given extensions (null: none). */
    public static byte[] clientHello(ClientHello hello, List<TlsExtension> extensions) {
        TlsBytes suites = new TlsBytes();
        for (int s : hello.cipherSuites()) {
            suites.u16(s);
        }
        TlsBytes compression = new TlsBytes();
        for (int c : hello.compressionMethods()) {
            compression.u8(c);
        }
        TlsBytes body = new TlsBytes().u16(hello.legacyVersion()).bytes(hello.random()).vector8(hello.sessionId())
                .vector16(suites.toBytes()).vector8(compression.toBytes());
        return extensions == null ? body.toBytes() : body.bytes(extensions(extensions)).toBytes();
    }

    /** A handshake message: type, 3-byte length, body. */
    public static byte[] handshake(int type, byte[] body) {
        return new TlsBytes(4 + body.length).u8(type).vector24(body).toBytes();
    }

    /** A record: type, version, 2-byte length, fragment. */
    public static byte[] record(int type, int version, byte[] fragment) {
        return new TlsBytes(5 + fragment.length).u8(type).u16(version).vector16(fragment).toBytes();
    }

    /** {@code payload} cut into records of the given type and version, each at most {@code size} bytes. */
    public static byte[] records(int type, int version, byte[] payload, int size) {
        int records = (payload.length + size - 1) / size;
        TlsBytes out = new TlsBytes(payload.length + 5 * records);
        for (int i = 0; i < payload.length; i += size) {
            int length = Math.min(payload.length - i, size);
            out.u8(type).u16(version).u16(length).bytes(payload, i, length);
        }
        return out.toBytes();
    }

    public static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        TlsBytes out = new TlsBytes(length);
        for (byte[] p : parts) {
            out.bytes(p);
        }
        return out.toBytes();
    }
}
