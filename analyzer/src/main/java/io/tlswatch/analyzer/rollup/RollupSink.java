package io.tlswatch.analyzer.rollup;

import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.session.SessionDocument;
import java.io.IOException;

/**
 * Between the analyzer and the real sink: counts every session document into the {@link Rollups}
 * and passes on only the sessions that {@link SessionSelection} writes, then the rollup documents
 * as minutes close and, on {@link #close()}, the rest. Every other document passes through. Runs on
 * the analyzer's sink thread, where sessions come judged and in order.
 */
public final class RollupSink implements DocumentSink {
    private final DocumentSink next;
    private final Rollups rollups;
    private final SessionSelection selection;
    private long sessionsWritten;
    private boolean closed;

    public RollupSink(DocumentSink next, Rollups rollups, SessionSelection selection) {
        this.next = next;
        this.rollups = rollups;
        this.selection = selection;
    }

    @Override
    public void accept(Document document) throws IOException {
        if (document instanceof SessionDocument s) {
            for (RollupDocument r : rollups.count(s.session().endpoints(), s.session().startNanos(), s.verdict())) {
                next.accept(r);
            }
            if (!selection.writes(s.verdict().verdict())) {
                return;
            }
            sessionsWritten++;
        }
        next.accept(document);
    }

    @Override
    public void flush() throws IOException {
        next.flush();
    }

    /** Writes the minutes still open, then closes the next sink. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            for (RollupDocument r : rollups.closeAll()) {
                next.accept(r);
            }
            next.flush();
        } finally {
            next.close();
        }
    }

    public Rollups rollups() {
        return rollups;
    }

    /** Session documents passed on (the others were counted only). */
    public long sessionsWritten() {
        return sessionsWritten;
    }
}
