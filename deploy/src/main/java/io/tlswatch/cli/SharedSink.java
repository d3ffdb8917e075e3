package io.tlswatch.cli;

import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentSink;
import java.io.IOException;

/**
 * A sink two threads write to: the analyzer's sink thread (sessions, certificates) and a live
 * capture's reader (stats documents, and a flush every second so that a quiet capture's findings
 * reach the file). Documents are whole and never interleaved. A lock per document, not per packet.
 */
final class SharedSink implements DocumentSink {
    private final DocumentSink inner;

    SharedSink(DocumentSink inner) {
        this.inner = inner;
    }

    @Override
    public synchronized void accept(Document document) throws IOException {
        inner.accept(document);
    }

    @Override
    public synchronized void flush() throws IOException {
        inner.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        inner.close();
    }
}
