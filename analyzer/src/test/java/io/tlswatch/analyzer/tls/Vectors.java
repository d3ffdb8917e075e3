package io.tlswatch.analyzer.tls;

import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The annotated byte streams under {@code src/test/resources/.../streams}: one direction of a
 * real TCP connection from a corpus capture each, cut from {@code tshark -z follow,tcp,raw}, with
 * a comment per record. They ship with the module, so these tests run without the corpus. Public
 * for the tests of other packages that replay a real handshake (the verdict tests).
 */
public final class Vectors {
    /** Every stream resource, for the tests that must hold for all real streams. */
    static final List<String> ALL = List.of("chrome125-client", "chrome125-server", "hrr-client", "hrr-server",
            "sslv2-client", "ssl3-client", "ssl3-server", "early-alert-client", "early-alert-server", "ocsp-server",
            "non-ascii-alpn-client");

    private Vectors() {
    }

    /** The bytes of the stream resource {@code name}, e.g. "chrome125-client". */
    public static byte[] stream(String name) {
        try (InputStream in = Vectors.class.getResourceAsStream("streams/" + name + ".hex")) {
            if (in == null) {
                throw new IllegalArgumentException("no vector " + name);
            }
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a stream is the client's side (by its name). */
    static boolean fromClient(String name) {
        return name.endsWith("-client");
    }

    /** Record {@code index} (0-based), header and body, of stream resource {@code name}. */
    static byte[] recordOf(String name, int index) {
        byte[] stream = stream(name);
        int pos = 0;
        for (int i = 0; i < index; i++) {
            pos += TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(stream, pos);
        }
        int end = pos + TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(stream, pos);
        return Arrays.copyOfRange(stream, pos, end);
    }

    /** The body of record {@code index} (0-based) of a stream of TLS records. */
    static byte[] recordBody(byte[] stream, int index) {
        int pos = 0;
        for (int i = 0; i < index; i++) {
            pos += TlsRecordLayout.HEADER_LENGTH + TlsRecordLayout.length(stream, pos);
        }
        int from = pos + TlsRecordLayout.HEADER_LENGTH;
        return Arrays.copyOfRange(stream, from, from + TlsRecordLayout.length(stream, pos));
    }

    /** The body of the handshake message starting at {@code off} in {@code record} (after its header). */
    static byte[] messageBody(byte[] record, int off) {
        int from = off + HandshakeLayout.HEADER_LENGTH;
        return Arrays.copyOfRange(record, from, from + HandshakeLayout.length(record, off));
    }

    /** The events a fresh decoder raises for the whole stream resource {@code name}. */
    static RecordingListener decodeWhole(String name) {
        return decode(fromClient(name), stream(name));
    }

    /** The events a fresh decoder with default limits raises for {@code stream} fed in one piece. */
    static RecordingListener decode(boolean fromClient, byte[] stream) {
        RecordingListener events = new RecordingListener();
        StreamFeeder.whole(new TlsStreamDecoder(fromClient, TlsLimits.DEFAULT, events), stream);
        return events;
    }
}
