package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.session.SessionDocument;
import java.io.IOException;

/**
 * A {@link DocumentSink} in front of another: passes every document on unchanged, and gives each
 * session document's facts to a {@link ReportCollector} first. Runs where the analyzer emits its
 * documents (the pipeline's sink thread), so the report sees exactly the sessions that were written,
 * in their order, and needs no hook inside the pipeline. Should counting a session fail (a bug), the
 * failure is counted and the document still goes on: the report never costs a finding.
 */
public final class ReportingSink implements DocumentSink {
    private final DocumentSink next;
    private final ReportCollector collector;
    private long collectorErrors;

    public ReportingSink(DocumentSink next, ReportCollector collector) {
        this.next = next;
        this.collector = collector;
    }

    @Override
    public void accept(Document document) throws IOException {
        if (document instanceof SessionDocument session) {
            try {
                collector.accept(SessionFacts.of(session));
            } catch (RuntimeException bug) {
                collectorErrors++;
            }
        }
        next.accept(document);
    }

    /** Sessions the report could not count (a bug); their documents were written all the same. */
    public long collectorErrors() {
        return collectorErrors;
    }

    @Override
    public void flush() throws IOException {
        next.flush();
    }

    @Override
    public void close() throws IOException {
        next.close();
    }
}
