package io.tlswatch.analyzer.pipeline;

import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The first failure any stage hit that stops the run (the output cannot be written), shared by
 * the stages so that each stops instead of waiting on the others.
 */
final class PipelineFailure {
    private final AtomicReference<RuntimeException> first = new AtomicReference<>();

    void fail(RuntimeException e) {
        first.compareAndSet(null, e);
    }

    boolean failed() {
        return first.get() != null;
    }

    /** Rethrows the failure on the calling thread, if there was one. */
    void rethrow() {
        RuntimeException e = first.get();
        if (e instanceof UncheckedIOException io) {
            throw new UncheckedIOException(io.getMessage(), io.getCause());
        }
        if (e != null) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
