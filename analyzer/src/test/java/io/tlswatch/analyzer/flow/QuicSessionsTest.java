package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.quic.QuicPacketWriter.concat;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.crypto;
import static io.tlswatch.analyzer.quic.QuicPacketWriter.padding;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.quic.QuicLayout;
import io.tlswatch.analyzer.quic.QuicOutcome;
import io.tlswatch.analyzer.quic.QuicPacketType;
import io.tlswatch.analyzer.quic.QuicPacketWriter;
import io.tlswatch.analyzer.quic.TestHellos;
import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * QUIC flows through a whole analyzer, as session documents: one session per connection, made
 * when the server's ServerHello is read from its Initial packets (RFC 9001 §5.2 keys), or, when it
 * never is, when the client goes on without it, the flow idles out or the input ends: never lost.
 * The RFC 9001 Appendix A.2 and A.3 packets, and a HelloRetryRequest exchange built with the QUIC
 * tests' packet writer.
 */
class QuicSessionsTest {
    private static final byte[] CLIENT_IP = {10, 0, 0, 1};
    private static final byte[] SERVER_IP = {10, 0, 0, 2};
    private static final long SECOND = 1_000_000_000L;
    private static final byte[] CLIENT_DCID = Hex.bytes("a0a1a2a3a4a5a6a7");
    private static final byte[] CLIENT_SCID = Hex.bytes("c1c2c3c4");
    private static final byte[] SERVER_SCID = Hex.bytes("5e5e5e5e5e");

    private final byte[] clientInitial = rfcPacket("rfc9001-client-initial.hex");
    private final byte[] serverInitial = rfcPacket("rfc9001-server-initial.hex");

    @Test
    void aConnectionWhoseServerInitialIsReadIsOneSessionWithBothHellos() {
        UdpFrames flow = flow(51000).fromClient(clientInitial).fromServer(serverInitial);

        AnalyzerRun run = AnalyzerRun.ofUdp(config(), flow);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals("udp", s.string("network.transport")),
                () -> assertEquals("quic", s.string("network.protocol")),
                () -> assertEquals("example.com", s.string("tls.client.server_name")),
                () -> assertEquals("1.3", s.string("tls.version")),
                () -> assertEquals("TLS_AES_128_GCM_SHA256", s.string("tls.cipher")),
                // JA3S "771,4865,51-43", as arkime/tls-split-client-hello.pcap's TLS 1.3 ServerHello publishes it
                () -> assertEquals("eb1d94daa7e0344597e756a1fb6e7054", s.string("tls.server.ja3s")),
                () -> assertEquals("quic_server_hello", s.string("tlswatch.handshake.end")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertFalse(s.has("tlswatch.handshake.hello_retry_request")),
                () -> assertEquals("not_observable", s.string("tlswatch.verdict")));
        assertEquals(1, run.stats().quic().get(QuicOutcome.SERVER_HELLO));
    }

    @Test
    void laterDatagramsOfAConnectionWhoseHandshakeWasReadAreNotOpened() {
        UdpFrames flow = flow(51000).fromClient(clientInitial).fromServer(serverInitial)
                .fromClient(clientInitial).fromServer(serverInitial);

        AnalyzerRun run = AnalyzerRun.ofUdp(config(), flow);

        assertEquals(1, run.sessions.size());
        assertEquals(1, run.stats().quic().get(QuicOutcome.CLIENT_INITIAL));
        assertEquals(1, run.stats().quic().get(QuicOutcome.SERVER_INITIAL));
    }

    @Test
    void aClientHelloNeverAnsweredIsReportedWhenTheInputEnds() {
        AnalyzerRun run = AnalyzerRun.ofUdp(config(), flow(51000).fromClient(clientInitial));

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals("end_of_input", s.string("tlswatch.handshake.end")),
                () -> assertEquals("example.com", s.string("tls.client.server_name")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(0L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertFalse(s.has("tls.version")),
                () -> assertFalse(s.has("tls.server.ja3s")));
    }

    @Test
    void aClientHelloNeverAnsweredIsReportedWhenTheFlowIdlesOut() {
        UdpFrames quiet = flow(51000).fromClient(clientInitial);
        UdpFrames later = new UdpFrames(CLIENT_IP, 51001, SERVER_IP, 443, quiet.endNanos() + 61 * SECOND)
                .fromClient(clientInitial).fromServer(serverInitial);

        AnalyzerRun run = AnalyzerRun.ofUdp(config().withIdleTimeoutSeconds(60), quiet, later);

        assertEquals(List.of("idle_timeout", "quic_server_hello"),
                run.sessions.stream().map(s -> s.string("tlswatch.handshake.end")).toList());
        assertEquals(List.of(51000L, 51001L), run.sessions.stream().map(s -> s.get("source.port")).toList());
    }

    @Test
    void aClientGoingOnWithoutAReadableServerHelloIsReportedAtOnce() {
        byte[] clientHandshake = QuicPacketWriter.opaque(QuicLayout.VERSION_1, QuicPacketType.HANDSHAKE, SERVER_SCID,
                new byte[0], 60);
        UdpFrames first = flow(51000).fromClient(clientInitial).fromClient(clientHandshake);
        UdpFrames second = new UdpFrames(CLIENT_IP, 51001, SERVER_IP, 443, first.endNanos() + SECOND)
                .fromClient(clientInitial).fromServer(serverInitial);

        AnalyzerRun run = AnalyzerRun.ofUdp(config().withWorkers(1), first, second);

        assertEquals(List.of("quic_client_hello", "quic_server_hello"),
                run.sessions.stream().map(s -> s.string("tlswatch.handshake.end")).toList());
        assertEquals(1, run.stats().quic().get(QuicOutcome.SERVER_HELLO_MISSED));
    }

    @Test
    void aHelloRetryRequestExchangeCountsTwoHellosOfEachSide() {
        byte[] ch1 = TestHellos.hrrFirstClientHello();
        byte[] ch2 = TestHellos.hrrSecondClientHello();
        byte[] hrr = TestHellos.helloRetryRequest();
        byte[] sh = TestHellos.hrrServerHello();
        QuicPacketWriter writer = new QuicPacketWriter();
        UdpFrames flow = flow(51000)
                .fromClient(clientInitial(writer, 0, crypto(0, ch1, 0, ch1.length)))
                .fromServer(serverInitial(writer, 0, crypto(0, hrr, 0, hrr.length)))
                .fromClient(clientInitial(writer, 1, crypto(ch1.length, ch2, 0, ch2.length)))
                .fromServer(serverInitial(writer, 1, crypto(hrr.length, sh, 0, sh.length)));

        AnalyzerRun run = AnalyzerRun.ofUdp(config(), flow);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals(2L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(2L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertEquals(true, s.get("tlswatch.handshake.hello_retry_request")),
                () -> assertEquals("1.3", s.string("tls.version")),
                () -> assertEquals("TLS_AES_256_GCM_SHA384", s.string("tls.cipher")),
                () -> assertEquals("quic_server_hello", s.string("tlswatch.handshake.end")));
    }

    private static byte[] clientInitial(QuicPacketWriter writer, long packetNumber, byte[] frames) {
        return writer.clientInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, new byte[0], packetNumber, 2,
                concat(frames, padding(1000)));
    }

    private static byte[] serverInitial(QuicPacketWriter writer, long packetNumber, byte[] frames) {
        return writer.serverInitial(QuicLayout.VERSION_1, CLIENT_DCID, CLIENT_SCID, SERVER_SCID, packetNumber, 2,
                frames);
    }

    private static UdpFrames flow(int clientPort) {
        return new UdpFrames(CLIENT_IP, clientPort, SERVER_IP, 443);
    }

    private static AnalyzerConfig config() {
        return AnalyzerConfig.defaults().withMaxFlows(AnalyzerRun.TEST_FLOWS);
    }

    /** A protected packet of RFC 9001 Appendix A, as the QUIC tests' resources hold it. */
    private static byte[] rfcPacket(String name) {
        try (InputStream in = QuicSessionsTest.class.getResourceAsStream("/io/tlswatch/analyzer/quic/" + name)) {
            return Hex.bytes(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
