package io.tlswatch.analyzer.output;

import java.io.IOException;

/**
 * Where documents go: a JSON Lines file or stream today, Kafka later. Called by one thread.
 * A sink that fails raises an IOException; the caller decides whether the run can go on.
 */
public interface DocumentSink extends AutoCloseable {

    void accept(Document document) throws IOException;

    /** Pushes buffered documents out (end of a batch, a file, or the run). */
    void flush() throws IOException;

    @Override
    void close() throws IOException;
}
