package io.tlswatch.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * SIGTERM and SIGINT for a live capture: a shutdown hook asks the reader to stop, waits until the
 * run has finished the analyzer (every open flow's session written) and flushed its output, then
 * ends the process with the run's status (0 when it stopped cleanly) rather than the JVM's 143 for
 * a signal. A run that ends on its own removes the hook.
 */
final class GracefulStop {
    /** The longest a signalled run may take to finish before the JVM exits without it. */
    static final long FINISH_SECONDS = 120;

    private final Runnable stop;
    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook = new Thread(this::onSignal, "tlswatch-stop");
    private volatile boolean signalled;
    private volatile int status;

    /** @param stop asks the reader to stop (called on the hook's thread) */
    GracefulStop(Runnable stop) {
        this.stop = stop;
    }

    void install() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Whether a signal (or System.exit elsewhere) started the stop. */
    boolean signalled() {
        return signalled;
    }

    /** The run is over and its output flushed; called last, with the exit status. */
    void finished(int exitStatus) {
        status = exitStatus;
        finished.countDown();
        if (!signalled) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // a signal came just now: the hook sees the latch open and exits with our status
            }
        }
    }

    private void onSignal() {
        signalled = true;
        stop.run();
        try {
            if (finished.await(FINISH_SECONDS, TimeUnit.SECONDS)) {
                Runtime.getRuntime().halt(status);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
