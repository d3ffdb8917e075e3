package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CERTIFICATE_RECORD;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_CHAIN_LENGTH;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA1;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_LEAF_SHA256;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME_OFFSET;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS13_HRR;
import static io.tlswatch.analyzer.flow.RealHandshakes.tls12;
import static io.tlswatch.analyzer.flow.RealHandshakes.tls12Connection;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.AnalyzerStats;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real handshakes in synthetic TCP, in order and damaged the ways networks damage them: what the
 * session and certificate documents say, and what the counters say happened.
 */
class HandshakeReassemblyTest {

    @Test
    void tls12InOrderGivesTheServerNameTheChainAndAnEstablishedSession() {
        AnalyzerRun run = AnalyzerRun.of(tls12(1460));

        JsonDocument s = run.session();
        assertAll(
                () -> assertEquals("192.168.6.217", s.string("source.ip")),
                () -> assertEquals(50020L, s.get("source.port")),
                () -> assertEquals("67.207.128.99", s.string("destination.ip")),
                () -> assertEquals(64132L, s.get("destination.port")),
                () -> assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name")),
                () -> assertEquals("1.2", s.string("tls.version")),
                () -> assertEquals("tls", s.string("tls.version_protocol")),
                () -> assertEquals(true, s.get("tls.established")),
                () -> assertEquals(TLS12_LEAF_SHA1, s.string("tls.server.hash.sha1")),
                () -> assertEquals(TLS12_LEAF_SHA256, s.string("tls.server.hash.sha256")),
                () -> assertEquals(TLS12_CHAIN_LENGTH, s.list("tls.server.certificate_chain_sha256").size()),
                () -> assertEquals("established", s.string("tlswatch.handshake.end")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(1L, s.get("tlswatch.handshake.server_hellos")));
        assertEquals(TLS12_CHAIN_LENGTH, run.certificates.size());
        assertEquals(TLS12_LEAF_SHA256, run.certificates.get(0).string("hash.sha256"));
        AnalyzerStats stats = run.stats();
        assertEquals(1, stats.sessions().established());
        assertEquals(0, stats.reassembly().outOfOrderSegments);
        assertEquals(0, stats.reassembly().gaps);
    }

    @Test
    void tls13WithAHelloRetryRequestCountsBothHellosOfEachSide() {
        TcpConversation c = TLS13_HRR.playInto(TcpConversation.between(RealHandshakes.TLS13_CLIENT,
                RealHandshakes.TLS13_SERVER).handshake()).close();

        JsonDocument s = AnalyzerRun.of(c).session();
        assertAll(
                () -> assertEquals("1.3", s.string("tls.version")),
                () -> assertEquals(true, s.get("tls.established")),
                () -> assertEquals(2L, s.get("tlswatch.handshake.client_hellos")),
                () -> assertEquals(2L, s.get("tlswatch.handshake.server_hellos")),
                () -> assertEquals(true, s.get("tlswatch.handshake.hello_retry_request")),
                () -> assertEquals(false, s.get("tlswatch.handshake.server_certificate_visible")),
                () -> assertFalse(s.has("tls.server.hash"), "TLS 1.3 encrypts the certificate"));
    }

    @Test
    void segmentsReorderedInTheClientHelloAndTheCertificateGiveTheSameDocuments() {
        TcpConversation c = tls12At(100);
        int inCertificate = serverSegmentInCertificate(c, 1000);
        c.swap(inCertificate, inCertificate + 1);
        c.move(c.indexOf(Side.CLIENT, 0), c.indexOf(Side.CLIENT, 200));

        AnalyzerRun run = AnalyzerRun.of(c);

        assertEquals(AnalyzerRun.of(tls12At(100)).lines, run.lines);
        assertEquals(3, run.stats().reassembly().outOfOrderSegments,
                "the certificate's later segment, and the ClientHello's second and third before its first");
    }

    @Test
    void aRetransmittedSegmentIsTakenOnce() {
        TcpConversation c = tls12At(500);
        c.retransmit(serverSegmentInCertificate(c, 1000));

        AnalyzerRun run = AnalyzerRun.of(c);

        assertEquals(AnalyzerRun.of(tls12At(500)).lines, run.lines);
        assertEquals(500, run.stats().reassembly().overlapBytes, "the copy overlaps bytes still held for the record");
        assertEquals(0, run.stats().reassembly().overlapConflicts);
    }

    @Test
    void aConflictingRetransmissionLosesToTheFirstCopyAndIsCounted() {
        TcpConversation c = tls12At(100);
        int carrying = c.indexOf(Side.CLIENT, TLS12_SERVER_NAME_OFFSET);
        c.retransmit(carrying, withOtherServerName(c, carrying));

        AnalyzerRun run = AnalyzerRun.of(c);

        assertEquals(TLS12_SERVER_NAME, run.session().string("tls.client.server_name"));
        assertEquals(1, run.stats().reassembly().overlapConflicts);
        assertEquals(100, run.stats().reassembly().overlapBytes);
    }

    @Test
    void whenTheForgedCopyArrivesFirstItIsTheOneTaken() {
        TcpConversation c = tls12At(100);
        int carrying = c.indexOf(Side.CLIENT, TLS12_SERVER_NAME_OFFSET);
        c.retransmit(carrying, withOtherServerName(c, carrying)).swap(carrying, carrying + 1);

        AnalyzerRun run = AnalyzerRun.of(c);

        assertEquals("evil-corp.test", run.session().string("tls.client.server_name"),
                "first copy wins, whichever it is: what a receiver that took it would have parsed");
        assertEquals(1, run.stats().reassembly().overlapConflicts);
    }

    @Test
    void aLostSegmentInTheServersCertificateEndsTheSessionAsStreamLost() {
        TcpConversation c = tls12At(500);
        c.drop(serverSegmentInCertificate(c, 2000));

        AnalyzerRun run = AnalyzerRun.of(c);

        JsonDocument s = run.session();
        assertEquals("stream_lost", s.string("tlswatch.handshake.end"));
        assertEquals(false, s.get("tls.established"));
        assertEquals(TLS12_SERVER_NAME, s.string("tls.client.server_name"), "the client's side was whole");
        assertEquals(false, s.get("tlswatch.handshake.server_certificate_visible"));
        assertEquals(0, run.certificates.size());
        assertEquals(1, run.stats().reassembly().gaps);
        assertEquals(1, run.stats().sessions().endedBy(TlsSession.End.STREAM_LOST));
    }

    @Test
    void everySegmentSizeFrom1To1460GivesTheSameDocuments() {
        List<String> reference = AnalyzerRun.of(tls12At(1460)).lines;
        assertEquals(1 + TLS12_CHAIN_LENGTH, reference.size());
        for (int size = 1; size < 1460; size++) {
            assertEquals(reference, AnalyzerRun.of(tls12At(size)).lines, "segments of " + size + " bytes");
        }
    }

    /** The TLS 1.2 handshake with every packet at one instant, so that documents cannot differ by timing. */
    private static TcpConversation tls12At(int segmentSize) {
        return TLS12.playInto(tls12Connection().timeStep(0).segmentSize(segmentSize).handshake()).close();
    }

    /** The index of the server's segment that carries byte {@code at} of its Certificate record. */
    private static int serverSegmentInCertificate(TcpConversation c, int at) {
        return c.indexOf(Side.SERVER, TLS12.recordOffset(Side.SERVER, TLS12_CERTIFICATE_RECORD) + at);
    }

    /** The payload of segment {@code index} with the server name's 14 bytes replaced by another name. */
    private static byte[] withOtherServerName(TcpConversation c, int index) {
        var s = c.segment(index);
        byte[] copy = Arrays.copyOfRange(s.data(), s.offset(), s.offset() + s.length());
        int at = (int) (TLS12_SERVER_NAME_OFFSET - c.streamOffset(index));
        byte[] other = "evil-corp.test".getBytes(StandardCharsets.US_ASCII);
        assertEquals(TLS12_SERVER_NAME, new String(copy, at, other.length, StandardCharsets.US_ASCII));
        System.arraycopy(other, 0, copy, at, other.length);
        assertTrue(at + other.length <= copy.length, "the name lies inside one segment");
        return copy;
    }
}
