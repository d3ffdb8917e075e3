package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.report.SessionFacts.Transport;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.testkit.SharedCorpus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report sees exactly the sessions a replay writes, and the documents go on unchanged. */
class ReportingSinkTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");

    /** Keeps what it is given. */
    private static final class Kept implements DocumentSink {
        final List<Document> documents = new ArrayList<>();
        int flushes;
        boolean closed;

        @Override
        public void accept(Document document) {
            documents.add(document);
        }

        @Override
        public void flush() {
            flushes++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void theSampleCaptureReachesBothTheReportAndTheNextSink() throws Exception {
        Kept next = new Kept();
        ReportCollector report = new ReportCollector();
        Analyzer analyzer;
        ReportingSink sink = new ReportingSink(next, report);
        try (sink) {
            analyzer = new Analyzer(AnalyzerConfig.defaults().withSensor("test").withWorkers(1), sink);
            new Replay(analyzer, (s, p, z, n) -> { }).run(List.of(SAMPLE));
            analyzer.finish();
        }
        assertEquals(0, sink.collectorErrors());
        assertEquals(true, next.closed);
        assertEquals(6, next.documents.size(), "4 sessions and 2 certificates, as the replay test counts them");
        long sessions = next.documents.stream().filter(d -> d.kind() == DocumentKind.SESSION).count();
        Visibility v = report.visibility();
        long seen = 0;
        for (Transport t : Transport.values()) {
            seen += v.of(t).total();
        }
        assertEquals(sessions, seen);
        assertEquals(analyzer.prevalence().all().sessions(), seen);
        assertEquals(2, v.of(Transport.TLS13).total(), "two of the sample's handshakes are TLS 1.3");
        assertEquals(analyzer.prevalence().of(Verdict.NOT_OBSERVABLE).sessions(),
                v.of(Transport.TLS13).of(Verdict.NOT_OBSERVABLE) + v.of(Transport.OTHER).of(Verdict.NOT_OBSERVABLE));
        assertEquals(sessions, report.timeSeries().buckets().stream().mapToLong(b -> b.sessions().total()).sum());
    }
}
