package io.tlswatch.analyzer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.output.CertificateDocument;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.session.TlsSession;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A capture replayed through the {@link Analyzer} with its default configuration: the sessions and
 * certificate documents it emitted, in emission order.
 */
record ReplayedSessions(List<TlsSession> sessions, List<Document> certificates) {

    static ReplayedSessions of(Path pcap) {
        List<TlsSession> sessions = new ArrayList<>();
        List<Document> certificates = new ArrayList<>();
        DocumentSink collect = new DocumentSink() {
            @Override
            public void accept(Document d) {
                if (d instanceof SessionDocument s) {
                    sessions.add(s.session());
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
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults(), collect);
        Replay.Result result = new Replay(analyzer, (s, p, z, n) -> { }).run(List.of(pcap));
        analyzer.finish();
        assertTrue(result.errors().isEmpty(), result.errors().toString());
        return new ReplayedSessions(List.copyOf(sessions), List.copyOf(certificates));
    }
}
