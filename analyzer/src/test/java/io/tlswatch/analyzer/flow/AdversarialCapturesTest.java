package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Captures made to hurt a monitor, each next to a well-formed session that must still come out
 * unchanged (but for its capture times, as a segment takes a millisecond), with the table and buffer bounds holding and the counters naming what was dropped.
 * (Overlapping retransmissions that carry other bytes are in {@link HandshakeReassemblyTest}: the
 * first copy wins and the conflict is counted.)
 */
class AdversarialCapturesTest {
    private static final int TABLE = 1024;
    private static final AnalyzerConfig SMALL = AnalyzerConfig.defaults().withMaxFlows(TABLE).withWorkers(1);

    @Test
    void aSynFloodOfNewFlowsIsEvictedAndCountedAndTheRealSessionStillComesOut() {
        int flood = 8 * TABLE;
        List<TcpConversation> conversations = new ArrayList<>();
        for (int i = 0; i < flood; i++) {
            conversations.add(TcpConversation.between(
                    TcpEndpoint.of("198.18." + (i >>> 8 & 0xff) + "." + (i & 0xff), 1024 + i % 60000),
                    RealHandshakes.TLS12_SERVER).handshake());
        }
        conversations.add(RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));

        AnalyzerRun run = AnalyzerRun.of(SMALL, conversations.toArray(TcpConversation[]::new));

        assertEquals(RealHandshakes.TLS12_SERVER_NAME, run.session().string("tls.client.server_name"));
        assertEquals(flood + 1, run.stats().tcpFlows());
        assertTrue(run.stats().flowsEvicted() >= flood - TABLE,
                "the table holds " + TABLE + " flows and says which it dropped: " + run.stats().flowsEvicted());
    }

    @Test
    void aHandshakeInOneByteSegmentsGivesTheSameSessionAsInFullSegments() {
        AnalyzerRun whole = AnalyzerRun.of(SMALL, RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));
        AnalyzerRun bytes = AnalyzerRun.of(SMALL, RealHandshakes.tls12(1));

        for (String field : List.of("tls.client.server_name", "tls.client.ja3", "tls.client.ja4", "tls.server.ja3s",
                "tls.server.hash.sha256", "tls.established", "tlswatch.verdict", "tlswatch.handshake.end")) {
            assertEquals(whole.session().string(field), bytes.session().string(field), field);
        }
        assertEquals(RealHandshakes.TLS12_LEAF_SHA256, bytes.session().string("tls.server.hash.sha256"));
        assertEquals(whole.certificates.size(), bytes.certificates.size());
        assertTrue(bytes.stats().reassembly().segments > 5_000, "segments " + bytes.stats().reassembly().segments);
        assertEquals(0, bytes.stats().bufferPoolExhausted());
    }

    /**
     * Records of the largest plaintext size whose first handshake header claims 2^24 - 1 bytes:
     * the message is over TlsLimits (64 KiB), skipped unparsed and counted; nothing is buffered
     * past the handshake window.
     */
    @Test
    void handshakeLengthsAtTheirMaximumAreSkippedCountedAndHeldWithinTheWindow() {
        int records = 6;
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        for (int r = 0; r < records; r++) {
            client.writeBytes(new byte[] {0x16, 0x03, 0x03, 0x40, 0x00});
            byte[] body = new byte[16_384];
            if (r == 0) {
                body[0] = 0x01;   // ClientHello
                body[1] = body[2] = body[3] = (byte) 0xff;
            }
            client.writeBytes(body);
        }
        TcpConversation hostile = TcpConversation.between(TcpEndpoint.of("198.51.100.7", 40000), RealHandshakes.TLS12_SERVER)
                .handshake().client(client.toByteArray()).close();

        AnalyzerRun run = AnalyzerRun.of(SMALL, hostile, RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));

        assertTrue(run.stats().tlsAnomalies().get(TlsAnomaly.HANDSHAKE_MESSAGE_TOO_LARGE) >= 1,
                "the oversized message is counted");
        assertEquals(0, run.stats().bufferPoolExhausted());
        assertEquals(0, run.stats().internalErrors());
        assertTrue(run.sessions.stream().anyMatch(d -> RealHandshakes.TLS12_SERVER_NAME.equals(d.string("tls.client.server_name"))),
                "the well-formed session after it still comes out");
    }

    /** A 60,000-byte server name (the extension allows 2^16 - 1): cut to a DNS name's 253 and counted. */
    @Test
    void anEnormousServerNameIsCutToTheLongestDnsName() {
        String name = "a".repeat(60_000) + ".example";
        TcpConversation hostile = TcpConversation.between(TcpEndpoint.of("198.51.100.8", 40001), RealHandshakes.TLS12_SERVER)
                .handshake().client(clientHelloRecords(name)).close();

        AnalyzerRun run = AnalyzerRun.of(SMALL, hostile, RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));

        JsonDocument session = run.sessions.get(0);
        assertEquals(name.substring(0, 253), session.string("tls.client.server_name"), "cut to the longest DNS name");
        assertEquals(1, run.stats().tlsAnomalies().get(TlsAnomaly.SERVER_NAME_TOO_LONG));
        assertTrue(run.lines.get(0).length() < 8_192, "a bounded document: " + run.lines.get(0).length() + " chars");
        assertEquals(RealHandshakes.TLS12_SERVER_NAME, run.sessions.get(1).string("tls.client.server_name"));
    }

    /**
     * A ClientHello that claims 65,535 bytes, dripped one byte per segment for a million segments:
     * each segment is reassembled in order, nothing is held past the window, and the well-formed
     * session after it comes out (half a second here).
     */
    @Test
    void aMillionOneByteSegmentsInOneFlowStayWithinTheWindow() {
        int segments = 1_000_000;
        byte[] drip = new byte[segments];
        drip[0] = 0x16;
        drip[1] = 0x03;
        drip[2] = 0x03;
        drip[3] = 0x40;   // a 16 KiB record, then a ClientHello that never ends
        drip[5] = 0x01;
        drip[6] = 0x00;
        drip[7] = (byte) 0xff;
        drip[8] = (byte) 0xff;
        TcpConversation hostile = TcpConversation.between(TcpEndpoint.of("198.51.100.9", 40002), RealHandshakes.TLS12_SERVER)
                .segmentSize(1).acknowledgeSends(false).handshake().client(drip).close();

        AnalyzerRun run = AnalyzerRun.of(SMALL, hostile, RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));

        assertTrue(run.stats().reassembly().segments >= segments, "every segment was looked at");

        assertEquals(0, run.stats().bufferPoolExhausted());
        assertEquals(0, run.stats().internalErrors());
        assertTrue(run.sessions.stream().anyMatch(d -> RealHandshakes.TLS12_SERVER_NAME.equals(d.string("tls.client.server_name"))));
    }

    /**
     * A Certificate message of 3,000 certificates (300 KiB, under the 512 KiB message limit): the
     * session keeps, parses and writes the first 32 and counts the rest, so one handshake cannot
     * make thousands of certificate documents or a 200 KB session document.
     */
    @Test
    void aChainOfThousandsOfCertificatesIsCutAndCounted() {
        int certificates = 3_000;
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        for (int i = 0; i < certificates; i++) {
            byte[] der = new byte[100];
            der[0] = 0x30;   // a SEQUENCE that does not hold a certificate: each one distinct
            der[1] = 98;
            der[2] = (byte) (i >>> 8);
            der[3] = (byte) i;
            list.write(0);
            putShort(list, der.length);
            list.writeBytes(der);
        }
        byte[] entries = list.toByteArray();
        ByteArrayOutputStream certificate = new ByteArrayOutputStream();
        certificate.write(entries.length >>> 16);
        certificate.write(entries.length >>> 8);
        certificate.write(entries.length);
        certificate.writeBytes(entries);
        byte[] serverHello = new byte[2 + 32 + 1 + 2 + 1];
        serverHello[0] = 0x03;
        serverHello[1] = 0x03;
        serverHello[35] = (byte) 0xc0;
        serverHello[36] = 0x2f;
        ByteArrayOutputStream flight = new ByteArrayOutputStream();
        flight.writeBytes(handshakeRecords(2, serverHello));
        flight.writeBytes(handshakeRecords(11, certificate.toByteArray()));
        TcpConversation hostile = TcpConversation.between(TcpEndpoint.of("198.51.100.10", 40003), RealHandshakes.TLS12_SERVER)
                .handshake().client(clientHelloRecords("many.example")).server(flight.toByteArray()).close();

        AnalyzerRun run = AnalyzerRun.of(SMALL, hostile, RealHandshakes.tls12(TcpConversation.DEFAULT_SEGMENT_SIZE));

        JsonDocument forged = run.sessions.get(0);
        assertEquals("many.example", forged.string("tls.client.server_name"));
        assertEquals(32, forged.list("tls.server.certificate_chain_sha256").size(), "the first 32 kept");
        assertEquals(1, run.stats().tlsAnomalies().get(TlsAnomaly.CERTIFICATE_CHAIN_TOO_LONG));
        assertEquals(32 + RealHandshakes.TLS12_CHAIN_LENGTH, run.certificates.size(),
                "certificate documents for what was kept, and the real chain's");
        assertTrue(forged.text().length() < 16_384, "a bounded document: " + forged.text().length() + " chars");
        assertEquals(RealHandshakes.TLS12_SERVER_NAME, run.sessions.get(1).string("tls.client.server_name"));
    }

    /** {@code body} as one handshake message of {@code type}, in records of at most 2^14 bytes. */
    private static byte[] handshakeRecords(int type, byte[] body) {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        message.write(type);
        message.write(body.length >>> 16);
        message.write(body.length >>> 8);
        message.write(body.length);
        message.writeBytes(body);
        byte[] m = message.toByteArray();
        ByteArrayOutputStream records = new ByteArrayOutputStream();
        for (int at = 0; at < m.length; at += 16_384) {
            int n = Math.min(16_384, m.length - at);
            records.writeBytes(new byte[] {0x16, 0x03, 0x03, (byte) (n >>> 8), (byte) n});
            records.write(m, at, n);
        }
        return records.toByteArray();
    }

    /** A TLS 1.2 ClientHello (one cipher suite, no compression) with {@code serverName}, in as many records as it needs. */
    private static byte[] clientHelloRecords(String serverName) {
        byte[] name = serverName.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x03, 0x03});
        body.writeBytes(new byte[32]);                       // random
        body.write(0);                                      // session id
        body.writeBytes(new byte[] {0x00, 0x02, (byte) 0xc0, 0x2f});
        body.writeBytes(new byte[] {0x01, 0x00});           // compression: null
        int sniList = 3 + name.length;
        int ext = 4 + 2 + sniList;
        putShort(body, ext);
        putShort(body, 0);                                  // server_name
        putShort(body, 2 + sniList);
        putShort(body, sniList);
        body.write(0);                                      // host_name
        putShort(body, name.length);
        body.writeBytes(name);
        return handshakeRecords(1, body.toByteArray());
    }

    private static void putShort(ByteArrayOutputStream out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }
}
