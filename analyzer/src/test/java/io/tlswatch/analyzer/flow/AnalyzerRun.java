package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.AnalyzerStats;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.synth.TcpConversation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic conversations through a whole {@link Analyzer}, as a replay of a capture would put
 * them: packet by packet, then the end of input. Keeps the documents it emitted, as JSON, and the
 * counters.
 */
final class AnalyzerRun implements DocumentSink {
    final List<JsonDocument> sessions = new ArrayList<>();
    final List<JsonDocument> certificates = new ArrayList<>();
    /** Every document's JSON text, in the order emitted. */
    final List<String> lines = new ArrayList<>();
    private AnalyzerStats stats;

    private AnalyzerRun() {
    }

    /**
     * The default configuration, but for a flow table of {@value #TEST_FLOWS} flows: documents do
     * not depend on the table's size, and a million-flow table costs tens of megabytes per run.
     */
    static final int TEST_FLOWS = 1024;

    /** The conversations one after another (each wholly before the next). */
    static AnalyzerRun of(TcpConversation... conversations) {
        return of(AnalyzerConfig.defaults().withMaxFlows(TEST_FLOWS), conversations);
    }

    static AnalyzerRun of(AnalyzerConfig config, TcpConversation... conversations) {
        AnalyzerRun run = new AnalyzerRun();
        Analyzer analyzer = new Analyzer(config, run);
        PacketRecord record = new PacketRecord();
        try {
            for (TcpConversation c : conversations) {
                c.writeTo((time, buffer, offset, length) -> {
                    record.set(buffer, offset, length, length, time, LinkType.ETHERNET, 0);
                    analyzer.onPacket(record);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        analyzer.finish();
        run.stats = analyzer.stats();
        return run;
    }

    /** UDP flows one after another (each wholly before the next). */
    static AnalyzerRun ofUdp(AnalyzerConfig config, UdpFrames... flows) {
        AnalyzerRun run = new AnalyzerRun();
        Analyzer analyzer = new Analyzer(config, run);
        PacketRecord record = new PacketRecord();
        for (UdpFrames flow : flows) {
            for (UdpFrames.Frame f : flow.frames()) {
                record.set(f.bytes(), 0, f.bytes().length, f.bytes().length, f.timeNanos(), LinkType.ETHERNET, 0);
                analyzer.onPacket(record);
            }
        }
        analyzer.finish();
        run.stats = analyzer.stats();
        return run;
    }

    AnalyzerStats stats() {
        return stats;
    }

    /** The one session document of the run (fails unless there is exactly one). */
    JsonDocument session() {
        assertEquals(1, sessions.size(), () -> "sessions: " + sessions);
        return sessions.get(0);
    }

    @Override
    public void accept(Document document) {
        JsonDocument json = JsonDocument.of(document);
        lines.add(json.text());
        (document.kind() == DocumentKind.SESSION ? sessions : certificates).add(json);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
