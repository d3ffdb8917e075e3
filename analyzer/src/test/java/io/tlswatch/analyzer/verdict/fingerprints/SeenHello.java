package io.tlswatch.analyzer.verdict.fingerprints;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.session.SessionDocument;
import io.tlswatch.analyzer.tls.ClientHello;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fingerprints of a ClientHello a capture holds, as the pipeline sees them: the capture is
 * replayed through an {@link Analyzer}, and every session's ClientHello gets its JA4 (over TCP), its
 * JA3 MD5 and the JA3 text the MD5 is of (both null for the SSL 2.0-compatible form, which has no
 * JA3).
 */
record SeenHello(String ja4, String ja3, String ja3Text) {
    /** Flows in the replay's table: a mitmengine capture holds a handful of connections. */
    private static final int FLOWS = 1024;

    static SeenHello of(ClientHello hello) {
        Ja3 ja3 = Ja3.of(hello).orElse(null);
        return new SeenHello(Ja4.of(hello, Ja4Transport.TCP).ja4(), ja3 == null ? null : ja3.md5(),
                ja3 == null ? null : ja3.text());
    }

    /**
     * The distinct fingerprints of the capture's ClientHellos, in the order their sessions ended. A
     * capture cut short (some mitmengine captures end inside a packet) gives the hellos before the
     * cut; one that cannot be read at all is an error.
     */
    static Set<SeenHello> inCapture(Path capture) {
        List<ClientHello> hellos = new ArrayList<>();
        DocumentSink collect = new DocumentSink() {
            @Override
            public void accept(Document document) {
                if (document instanceof SessionDocument s && s.session().clientHello() != null) {
                    hellos.add(s.session().clientHello());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withMaxFlows(FLOWS), collect);
        Replay.Result result = new Replay(analyzer, (source, position, size, packets) -> { }).run(List.of(capture));
        analyzer.finish();
        if (result.nothingRead()) {
            throw new IllegalStateException(capture + ": " + result.errors());
        }
        Set<SeenHello> seen = new LinkedHashSet<>();
        hellos.forEach(h -> seen.add(of(h)));
        return seen;
    }
}
