package io.tlswatch.cli;

import java.util.concurrent.CountDownLatch;

/**
 * Blocks the command's thread until the JVM shuts down (Ctrl-C, SIGTERM): the stack's own
 * shutdown hook then stops every service.
 */
final class StackWait {
    private StackWait() {
    }

    static void untilSignalled() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
