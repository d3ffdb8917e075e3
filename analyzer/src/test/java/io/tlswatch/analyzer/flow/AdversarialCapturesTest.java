package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.capture.synth.TcpConversation;
import io.tlswatch.capture.synth.TcpEndpoint;
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
}
