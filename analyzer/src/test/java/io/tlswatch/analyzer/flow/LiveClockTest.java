package io.tlswatch.analyzer.flow;

import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12;
import static io.tlswatch.analyzer.flow.RealHandshakes.TLS12_SERVER_NAME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.synth.TcpConversation;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A live capture's hooks into the analyzer: on a quiet link the wall clock, not the next packet,
 * finishes an idle flow and releases its session while the run goes on; packets offered (the
 * live path that drops on a full ring) make the same session as packets waited for.
 */
class LiveClockTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int CLIENT_HELLO = 1;

    /** Session documents as the sink thread writes them. */
    private static final class Sessions implements DocumentSink {
        final List<JsonDocument> written = new CopyOnWriteArrayList<>();

        @Override
        public void accept(Document document) {
            if (document.kind() == DocumentKind.SESSION) {
                written.add(JsonDocument.of(document));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    private static void feed(Analyzer analyzer, TcpConversation c, boolean offer) throws IOException {
        PacketRecord record = new PacketRecord();
        c.writeTo((time, buffer, offset, length) -> {
            record.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
            if (offer) {
                assertTrue(analyzer.offer(record), "an empty ring takes the packet");
            } else {
                analyzer.onPacket(record);
            }
        });
    }

    @Test
    void wallClockFinishesAnIdleFlowWithoutAnotherPacket() throws Exception {
        Sessions sink = new Sessions();
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(AnalyzerRun.TEST_FLOWS)
                .withIdleTimeoutSeconds(60).withWorkers(2), sink);
        TcpConversation quiet = TLS12.playInto(RealHandshakes.tls12Connection().handshake(), 0, CLIENT_HELLO);
        feed(analyzer, quiet, false);

        analyzer.advanceClock(quiet.endNanos() + 30 * SECOND);
        Thread.sleep(200);
        assertEquals(List.of(), sink.written, "30 s of quiet is less than the idle timeout");

        analyzer.advanceClock(quiet.endNanos() + 61 * SECOND);
        long deadline = System.nanoTime() + 5 * SECOND;
        while (sink.written.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(1, sink.written.size(), "the session is written before the run ends");
        assertEquals("idle_timeout", sink.written.get(0).string("tlswatch.handshake.end"));
        assertEquals(TLS12_SERVER_NAME, sink.written.get(0).string("tls.client.server_name"));
        analyzer.finish();
        assertEquals(1, sink.written.size());
    }

    @Test
    void offeredPacketsMakeTheSameSessionAsWaitedOnes() throws Exception {
        AnalyzerRun waited = AnalyzerRun.of(wholeHandshake());
        Sessions offered = new Sessions();
        Analyzer live = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(AnalyzerRun.TEST_FLOWS), offered);
        feed(live, wholeHandshake(), true);
        live.finish();
        assertEquals(1, offered.written.size());
        assertEquals(waited.sessions.stream().map(JsonDocument::text).toList(),
                offered.written.stream().map(JsonDocument::text).toList());
        assertEquals(0, live.stats().ringFullWaits());
    }

    private static TcpConversation wholeHandshake() {
        return TLS12.playInto(RealHandshakes.tls12Connection().handshake(), 0, TLS12.flights()).close();
    }
}
