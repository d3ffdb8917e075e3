package io.tlswatch.analyzer.output;

/** Takes the documents and keeps none, for tests that read the analyzer's counters instead. */
public final class DiscardingSink implements DocumentSink {
    @Override
    public void accept(Document document) {
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
