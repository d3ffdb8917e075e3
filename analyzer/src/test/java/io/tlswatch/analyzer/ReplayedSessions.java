package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.output.CertificateDocument;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture replayed through the {@link Analyzer}: the sessions, their verdicts and the
 * certificate documents it emitted, in emission order, and its counters at the end.
 */
record ReplayedSessions(List<TlsSession> sessions, List<Document> certificates, List<SessionVerdict> verdicts,
        AnalyzerStats stats) {

    static ReplayedSessions of(Path pcap) {
        return of(pcap, null);
    }

    /** Replays with this judge (null: the default one). */
    static ReplayedSessions of(Path pcap, VerdictEngine judge) {
        List<TlsSession> sessions = new ArrayList<>();
        List<SessionVerdict> verdicts = new ArrayList<>();
        List<Document> certificates = new ArrayList<>();
        DocumentSink collect = new DocumentSink() {
            @Override
            public void accept(Document d) {
                if (d instanceof SessionDocument s) {
                    sessions.add(s.session());
                    verdicts.add(s.verdict());
                } else if (d instanceof CertificateDocument) {
                    certificates.add(d);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Analyzer analyzer = judge == null ? new Analyzer(AnalyzerConfig.defaults(), collect)
                : new Analyzer(AnalyzerConfig.defaults(), judge, collect);
        Replay.Result result = new Replay(analyzer, (s, p, z, n) -> { }).run(List.of(pcap));
        analyzer.finish();
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        return new ReplayedSessions(List.copyOf(sessions), List.copyOf(certificates), List.copyOf(verdicts),
                analyzer.stats());
    }
}
