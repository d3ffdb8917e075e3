package io.tlswatch.analyzer.verdict.fingerprints;

import io.tlswatch.analyzer.tls.ClientHello;
import io.tlswatch.analyzer.tls.TlsParse;
import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The ClientHellos under {@code src/test/resources/.../verdict/fingerprints/hellos} (see its
 * README): one handshake message each, cut from a mitmengine capture and annotated, so that these
 * tests run without the corpus. Public for the verdict tests, which put them in whole handshakes.
 */
public final class ProductHellos {
    /** Bytes of a handshake message header: msg_type and a 24-bit length (RFC 8446 §4). */
    static final int HANDSHAKE_HEADER = 4;

    private ProductHellos() {
    }

    /** The whole handshake message of the vector {@code name}. */
    public static byte[] message(String name) {
        try (InputStream in = ProductHellos.class.getResourceAsStream("hellos/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no hello vector " + name);
            }
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ClientHello hello(String name) {
        return parse(message(name));
    }

    /** The ClientHello of a handshake message; fails the test when it does not parse. */
    public static ClientHello parse(byte[] message) {
        TlsParse<ClientHello> parsed = ClientHello.parse(message, HANDSHAKE_HEADER, message.length - HANDSHAKE_HEADER);
        if (!parsed.isParsed()) {
            throw new AssertionError("the vector does not parse: " + parsed);
        }
        return parsed.value();
    }
}
