package io.tlswatch.analyzer.fingerprint;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.ServerHello;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The hello vectors under {@code src/test/resources/.../fingerprint/hellos}: one handshake message
 * each (type, length, body), or an SSL 2.0 CLIENT-HELLO record, cut from a corpus capture and
 * annotated; they ship with the module, so these tests run without the corpus. Also rebuilds a
 * real hello with other cipher suites or extensions, for the cases no capture holds.
 */
final class Hellos {
    /** Bytes of a handshake message header: msg_type and a 24-bit length (RFC 8446 §4). */
    private static final int HANDSHAKE_HEADER = 4;
    /** Bytes of an SSL 2.0 record header with the top bit set (RFC 5246 Appendix E.2). */
    private static final int SSLV2_HEADER = 2;

    private Hellos() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Hellos.class.getResourceAsStream("hellos/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no hello vector " + name);
            }
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isServerHello(String name) {
        return bytes(name)[0] == 2;
    }

    static ClientHello client(String name) {
        byte[] b = bytes(name);
        if ((b[0] & 0x80) != 0) {
            return parsed(ClientHello.parseSslV2(b, SSLV2_HEADER, b.length - SSLV2_HEADER));
        }
        return clientBody(Arrays.copyOfRange(b, HANDSHAKE_HEADER, b.length));
    }

    static ServerHello server(String name) {
        byte[] b = bytes(name);
        return parsed(ServerHello.parse(b, HANDSHAKE_HEADER, b.length - HANDSHAKE_HEADER));
    }

    static ClientHello clientBody(byte[] body) {
        return parsed(ClientHello.parse(body, 0, body.length));
    }

    /** {@code base} with these cipher suites and extensions instead of its own. */
    static ClientHello rebuilt(ClientHello base, int[] cipherSuites, List<TlsExtension> extensions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        u16(out, base.legacyVersion());
        out.writeBytes(base.random());
        out.write(base.sessionId().length);
        out.writeBytes(base.sessionId());
        u16(out, cipherSuites.length * 2);
        for (int suite : cipherSuites) {
            u16(out, suite);
        }
        out.write(base.compressionMethods().length);
        for (int method : base.compressionMethods()) {
            out.write(method);
        }
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (TlsExtension e : extensions) {
            u16(list, e.type());
            u16(list, e.data().length);
            list.writeBytes(e.data());
        }
        u16(out, list.size());
        out.writeBytes(list.toByteArray());
        return clientBody(out.toByteArray());
    }

    /** {@code base} with its extensions but these cipher suites. */
    static ClientHello withCipherSuites(ClientHello base, int... cipherSuites) {
        return rebuilt(base, cipherSuites, base.extensions().all());
    }

    /** {@code base} with its cipher suites but these extensions. */
    static ClientHello withExtensions(ClientHello base, List<TlsExtension> extensions) {
        return rebuilt(base, base.cipherSuites(), extensions);
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static <T> T parsed(TlsParse<T> p) {
        if (!p.isParsed()) {
            throw new AssertionError("vector does not parse: " + p.reason());
        }
        return p.value();
    }
}
