package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CLIENT;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA1;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import io.tlswatch.testkit.Hex;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * TLS that starts after another protocol's plaintext on the same connection, found by its hello,
 * and a connection that never speaks TLS.
 */
class PlaintextPreambleTest {

    @Test
    void smtpStarttls() {
        // RFC 3207 section 4: the server's greeting and EHLO reply, the client's STARTTLS, "220 Ready".
        TcpConversation c = connectionTo(587)
                .server(ascii("220 mail.example.com ESMTP\r\n"))
                .client(ascii("EHLO client.example.com\r\n"))
                .server(ascii("250-mail.example.com\r\n250-PIPELINING\r\n250 STARTTLS\r\n"))
                .client(ascii("STARTTLS\r\n"))
                .server(ascii("220 2.0.0 Ready to start TLS\r\n"));

        assertTheHandshakeIsFound(AnalyzerRun.of(TLS12.playInto(c).close()));
    }

    @Test
    void httpConnectThroughAProxy() {
        // RFC 9110 section 9.3.6: CONNECT, then the proxy's 2xx, then the tunnelled bytes.
        TcpConversation c = connectionTo(3128)
                .client(ascii("CONNECT jeffbryner.com:443 HTTP/1.1\r\nHost: jeffbryner.com:443\r\n\r\n"))
                .server(ascii("HTTP/1.1 200 Connection established\r\n\r\n"));

        assertTheHandshakeIsFound(AnalyzerRun.of(TLS12.playInto(c).close()));
    }

    @Test
    void postgresqlSslRequest() {
        // PostgreSQL protocol 55.2.10 (SSL Session Encryption): length 8, code 80877103, then 'S'.
        TcpConversation c = connectionTo(5432)
                .client(Hex.bytes("00 00 00 08  04 d2 16 2f   // SSLRequest"))
                .server(ascii("S"));

        assertTheHandshakeIsFound(AnalyzerRun.of(TLS12.playInto(c).close()));
    }

    @Test
    void plainHttpIsCountedAsNotTlsAndMakesNoSession() {
        TcpConversation c = connectionTo(80)
                .client(ascii("GET / HTTP/1.1\r\nHost: example.com\r\n\r\n"))
                .server(ascii("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello"))
                .close();

        AnalyzerRun run = AnalyzerRun.of(c);

        assertEquals(0, run.sessions.size());
        assertEquals(1, run.stats().notTlsFlows());
        assertEquals(1, run.stats().tcpFlows());
    }

    private static void assertTheHandshakeIsFound(AnalyzerRun run) {
        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name")),
                () -> assertEquals(TLS12_LEAF_SHA1, s.string("tls.server.hash.sha1")),
                () -> assertEquals("1.2", s.string("tls.version")),
                () -> assertEquals(true, s.get("tls.established")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertEquals(0L, run.stats().notTlsFlows()));
    }

    private static TcpConversation connectionTo(int serverPort) {
        return TcpConversation.between(TLS12_CLIENT, TcpEndpoint.of("67.207.128.99", serverPort)).handshake();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
