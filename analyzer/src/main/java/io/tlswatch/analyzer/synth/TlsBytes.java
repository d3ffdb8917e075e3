package io.tlswatch.analyzer.synth;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;

/**
 * Writes TLS structures in the RFC 8446 §3 presentation language (big-endian integers, vectors with
 * a 1-, 2- or 3-byte length in front): for the synthetic handshakes of generated captures, and for
 * tests that need a variant of a real message with its lengths kept consistent (one more extension,
 * a record cut differently). Once per handshake, not per packet: it grows an array as it goes.
 */
public final class TlsBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public TlsBytes u8(int v) {
        out.write(v);
        return this;
    }

    public TlsBytes u16(int v) {
        return u8(v >> 8).u8(v);
    }

    public TlsBytes u24(int v) {
        return u8(v >> 16).u16(v);
    }

    public TlsBytes bytes(byte[] b) {
        out.writeBytes(b);
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
        return out.toByteArray();
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
        return new TlsBytes().u8(type).vector24(body).toBytes();
    }

    /** A record: type, version, 2-byte length, fragment. */
    public static byte[] record(int type, int version, byte[] fragment) {
        return new TlsBytes().u8(type).u16(version).vector16(fragment).toBytes();
    }

    /** {@code payload} cut into records of the given type and version, each at most {@code size} bytes. */
    public static byte[] records(int type, int version, byte[] payload, int size) {
        TlsBytes out = new TlsBytes();
        for (int i = 0; i < payload.length; i += size) {
            byte[] fragment = Arrays.copyOfRange(payload, i, Math.min(payload.length, i + size));
            out.bytes(record(type, version, fragment));
        }
        return out.toBytes();
    }

    public static byte[] concat(byte[]... parts) {
        TlsBytes out = new TlsBytes();
        for (byte[] p : parts) {
            out.bytes(p);
        }
        return out.toBytes();
    }
}
