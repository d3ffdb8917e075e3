package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CLIENT;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA1;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import io.tlswatch.testkit.Hex;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How sessions end: by the connection (RST, FIN), by the flow table (idle, full), by an alert; and port reuse. */
class ConnectionLifecycleTest {
    private static final long SECOND = 1_000_000_000L;
    /** Flights of {@link RealHandshakes#TLS12}: 0 ClientHello, 1 the server's flight up to ServerHelloDone. */
    private static final int CLIENT_HELLO = 1;
    private static final int SERVER_CERTIFICATE_FLIGHT = 2;

    @Test
    void aResetBeforeTheServerHelloEndsTheSessionClosedAndNotEstablished() {
        TcpConversation c = TLS12.playInto(RealHandshakes.tls12Connection().handshake(), 0, CLIENT_HELLO)
                .reset(Side.SERVER);

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals("closed", s.string("tlswatch.handshake.end")),
                () -> assertEquals(false, s.get("tls.established")),
                () -> assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(0L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertFalse(s.has("tls.version")));
        assertEquals(1, run.stats().sessions().endedBy(TlsSession.End.CLOSED));
    }

    @Test
    void aConnectionSilentForTheIdleTimeoutOfPacketTimeEndsIdle() {
        TcpConversation quiet = TLS12.playInto(RealHandshakes.tls12Connection().handshake(), 0, CLIENT_HELLO);
        TcpConversation later = fullHandshakeFrom(50021).startAt(quiet.endNanos() + 61 * SECOND);

        AnalyzerRun run = AnalyzerRun.of(config().withIdleTimeoutSeconds(60), quiet, later);

        assertEquals(List.of("idle_timeout", "established"), ends(run));
        assertEquals(1, run.stats().flowsExpired());
        assertEquals(TLS12_SERVER_NAME, run.sessions.get(0).string("tls.client.server_name"));
    }

    @Test
    void aConnectionSilentForLessThanTheIdleTimeoutGoesOn() {
        TcpConversation c = RealHandshakes.tls12Connection().handshake();
        TLS12.playInto(c, 0, CLIENT_HELLO).pause(59 * SECOND);
        TLS12.playInto(c, CLIENT_HELLO, TLS12.flights()).close();

        AnalyzerRun run = AnalyzerRun.of(config().withIdleTimeoutSeconds(60), c);

        assertEquals(List.of("established"), ends(run));
        assertEquals(0, run.stats().flowsExpired());
    }

    @Test
    void aFullFlowTableEvictsTheLeastRecentlySeenConnection() {
        TcpConversation first = TLS12.playInto(connectionFrom(50021).handshake(), 0, CLIENT_HELLO);
        TcpConversation second = TLS12.playInto(connectionFrom(50022).startAt(first.endNanos() + SECOND)
                .handshake(), 0, CLIENT_HELLO);
        TcpConversation third = fullHandshakeFrom(50023).startAt(second.endNanos() + SECOND);

        AnalyzerRun run = AnalyzerRun.of(config().withMaxFlows(2), first, second, third);

        assertEquals(List.of("evicted", "established", "end_of_input"), ends(run));
        assertEquals(List.of(50021L, 50023L, 50022L), run.sessions.stream().map(s -> s.get("source.port")).toList());
        assertEquals(1, run.stats().flowsEvicted());
        assertEquals(1, run.stats().sessions().endedBy(TlsSession.End.EVICTED));
    }

    @Test
    void theSamePortsReusedAfterACloseMakeTwoSessions() {
        TcpConversation first = RealHandshakes.tls12(1460);
        TcpConversation second = TLS12.playInto(RealHandshakes.tls12Connection()
                .initialSequenceNumbers(7_000_000, 9_000_000).startAt(first.endNanos() + SECOND).handshake()).close();

        AnalyzerRun run = AnalyzerRun.of(first, second);

        assertEquals(List.of("established", "established"), ends(run));
        assertEquals(2, run.stats().tcpFlows());
        assertEquals(TLS12_LEAF_SHA1, run.sessions.get(1).string("tls.server.hash.sha1"));
    }

    @Test
    void aFatalClientAlertAfterTheServersCertificateIsRecordedAsSuch() {
        // RFC 5246 7.2: alert record, level 2 (fatal), description 48 (unknown_ca): what a client
        // that does not trust the chain sends.
        byte[] unknownCa = Hex.bytes("15 03 03 00 02   02 30");
        TcpConversation c = TLS12.playInto(RealHandshakes.tls12Connection().handshake(), 0, SERVER_CERTIFICATE_FLIGHT)
                .client(unknownCa).reset(Side.CLIENT);

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals("alert", s.string("tlswatch.handshake.end")),
                () -> assertEquals(false, s.get("tls.established")),
                () -> assertEquals("fatal", s.string("tlswatch.handshake.client_alert.level")),
                () -> assertEquals("unknown_ca", s.string("tlswatch.handshake.client_alert.description")),
                () -> assertEquals(false, s.get("tlswatch.handshake.client_alert.encrypted")),
                () -> assertEquals(true, s.get("tlswatch.handshake.client_alert.after_server_certificate")),
                () -> assertEquals(TLS12_LEAF_SHA1, s.string("tls.server.hash.sha1")),
                () -> assertEquals("unrecognized_name", s.string("tlswatch.handshake.server_alert.description"),
                        "the server's own warning before its ServerHello, in the original capture"),
                () -> assertEquals(false, s.get("tlswatch.handshake.server_alert.after_server_certificate")));
        assertEquals(1, run.stats().sessions().endedBy(TlsSession.End.ALERT));
    }

    private static AnalyzerConfig config() {
        return AnalyzerConfig.defaults().withMaxFlows(AnalyzerRun.TEST_FLOWS);
    }

    private static TcpConversation connectionFrom(int clientPort) {
        return TcpConversation.between(TcpEndpoint.of(TLS12_CLIENT.address().getHostAddress(), clientPort), TLS12_SERVER);
    }

    private static TcpConversation fullHandshakeFrom(int clientPort) {
        return TLS12.playInto(connectionFrom(clientPort).handshake()).close();
    }

    private static List<String> ends(AnalyzerRun run) {
        return run.sessions.stream().map(s -> s.string("tlswatch.handshake.end")).toList();
    }
}
