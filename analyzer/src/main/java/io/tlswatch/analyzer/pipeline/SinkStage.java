package io.tlswatch.analyzer.pipeline;

import io.tlswatch.analyzer.session.TlsSession;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.PriorityQueue;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The sink: takes finished sessions from every worker's queue and releases them in one order that
 * does not depend on how many workers there are: by the time they finished on the reader's packet
 * clock, then by start time and endpoints. A session is released once every worker has passed its
 * time (each worker's watermark), so none can still produce an earlier one; then it is judged and
 * written ({@link DocumentEmitter}). Judging in one place and in one order keeps the per-site
 * notary and the prevalence exactly what a single thread would compute.
 */
final class SinkStage implements Runnable {
    private final List<FlowWorker> workers;
    private final ManyToOneConcurrentArrayQueue<TlsSession> in;
    private final DocumentEmitter emitter;
    private final PipelineFailure failure;
    private final PriorityQueue<TlsSession> pending = new PriorityQueue<>(TlsSession.ORDER);
    /** The sink has no latency to keep: it parks rather than spins, and takes what queued meanwhile. */
    private final IdleStrategy idle = new BackoffIdleStrategy(1, 1, 100_000, 1_000_000);
    private int peakPending;
    private long cpuNanos = -1;

    SinkStage(List<FlowWorker> workers, ManyToOneConcurrentArrayQueue<TlsSession> in, DocumentEmitter emitter,
              PipelineFailure failure) {
        this.workers = workers;
        this.in = in;
        this.emitter = emitter;
        this.failure = failure;
    }

    @Override
    public void run() {
        try {
            while (!failure.failed()) {
                // Read the watermarks before draining: every session finished below them is queued by now.
                long low = Long.MAX_VALUE;
                boolean allDone = true;
                for (FlowWorker w : workers) {
                    low = Math.min(low, w.watermark());
                    allDone &= w.done();
                }
                int taken = in.drain(pending::add);
                peakPending = Math.max(peakPending, pending.size());
                int released = 0;
                while (!pending.isEmpty() && (allDone || pending.peek().orderNanos() < low)) {
                    emitter.onSession(pending.poll());
                    released++;
                }
                if (allDone && pending.isEmpty() && in.isEmpty()) {
                    emitter.flush();
                    return;
                }
                if (taken == 0 && released == 0) {
                    idle.idle();
                } else {
                    idle.reset();
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            failure.fail(e);
        } finally {
            cpuNanos = StageCpuTimes.currentThread();
        }
    }

    /** CPU time the sink's thread spent, once it has ended (-1 if not measured). */
    long cpuNanos() {
        return cpuNanos;
    }

    /** The most sessions held at once, waiting for the workers' watermarks. */
    int peakPending() {
        return peakPending;
    }
}
