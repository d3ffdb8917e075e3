package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CERTIFICATE_RECORD;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CHAIN_LENGTH;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CLIENT;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA1;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA256;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS13_HRR;
import static io.tlswatch.analyzer.flow.RealHandshakes.tls12Connection;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import org.junit.jupiter.api.Test;

/** Which side is the client when the capture shows no SYN, or data rides on the SYN. */
class RolesAndPickupTest {

    @Test
    void withoutASynTheClientHelloTellsTheRolesEvenWhenThePortsSayOtherwise() {
        // The capture's server listens on 64132, above the client's 50020: by ports alone the
        // server would look like the client.
        TcpConversation c = TLS12.playInto(tls12Connection()).close();

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals(TLS12_CLIENT.address().getHostAddress(), s.string("source.ip")),
                () -> assertEquals(50020L, s.get("source.port")),
                () -> assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name")),
                () -> assertEquals(TLS12_LEAF_SHA1, s.string("tls.server.hash.sha1")),
                () -> assertEquals(true, s.get("tls.established")));
        assertEquals(1, run.stats().midstreamPickups());
    }

    @Test
    void withoutASynAServerHelloTellsTheRolesToo() {
        // Client on 40000, server on 50000: ports alone would make the server the client.
        TcpConversation c = TcpConversation.between(TcpEndpoint.of("10.0.0.1", 40000), TcpEndpoint.of("10.0.0.2", 50000));
        TLS13_HRR.playInto(c).close();
        c.pickUpAt(c.indexOf(Side.SERVER, TLS13_HRR.recordOffset(Side.SERVER, 2)));   // at the ServerHello

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals(40000L, s.get("source.port")),
                () -> assertEquals(50000L, s.get("destination.port")),
                () -> assertEquals("1.3", s.string("tls.version")),
                () -> assertEquals(0L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertEquals(true, s.get("tls.established")));
        assertEquals(1, run.stats().midstreamPickups());
    }

    @Test
    void aCaptureThatStartsWithTheServersCertificateHasTheChainAndNoHellos() {
        // Segments of 77 bytes: the server's alert (7) and ServerHello (70) fill its first one, so
        // the second starts with the Certificate record. A Certificate does not say who sent it;
        // here the server's well-known port does.
        TcpConversation c = TcpConversation.between(TLS12_CLIENT, TcpEndpoint.of("67.207.128.99", 443)).segmentSize(77);
        TLS12.playInto(c.handshake()).close();
        int certificate = TLS12.recordOffset(Side.SERVER, TLS12_CERTIFICATE_RECORD);
        c.pickUpAt(c.indexOf(Side.SERVER, certificate));
        assertEquals(certificate, c.streamOffset(0));

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals(TLS12_LEAF_SHA1, s.string("tls.server.hash.sha1")),
                () -> assertEquals(TLS12_LEAF_SHA256, s.string("tls.server.hash.sha256")),
                () -> assertEquals(TLS12_CHAIN_LENGTH, s.list("tls.server.certificate_chain_sha256").size()),
                () -> assertEquals(0L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(0L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertFalse(s.has("tls.client"), "no ClientHello, no client fields"),
                () -> assertFalse(s.has("tls.version"), "no ServerHello, no version"),
                () -> assertEquals(443L, s.get("destination.port")),
                () -> assertEquals(false, s.get("tls.established")),
                () -> assertEquals("closed", s.string("tlswatch.handshake.end")));
        assertEquals(TLS12_CHAIN_LENGTH, run.certificates.size());
    }

    @Test
    void aClientHelloOnTheSynIsRead() {
        TcpConversation c = tls12Connection().fastOpen(TLS12.records(Side.CLIENT, 0, 1));
        TLS12.playInto(c, 1, TLS12.flights()).close();
        assertEquals(0, c.indexOf(Side.CLIENT, 0), "the ClientHello rides on the SYN");

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name"));
        assertEquals(TLS12_LEAF_SHA256, s.string("tls.server.hash.sha256"));
        assertEquals(true, s.get("tls.established"));
        assertEquals(0, run.stats().midstreamPickups(), "the SYN told the roles");
    }
}
