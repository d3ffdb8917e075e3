package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;

/**
 * The JVM's count of bytes each thread allocated, for tests that prove a path allocates nothing:
 * read {@link #currentThread()} before and after it. Skips the test, with the reason, on a JVM that
 * does not count.
 */
public final class AllocationCounter {
    private final ThreadMXBean threads;

    private AllocationCounter(ThreadMXBean threads) {
        this.threads = threads;
    }

    /** The counter, or the test is skipped when this JVM does not count allocated bytes. */
    public static AllocationCounter require() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof ThreadMXBean, "this JVM does not count allocated bytes");
        ThreadMXBean threads = (ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes");
        return new AllocationCounter(threads);
    }

    /** Bytes the calling thread has allocated since it started (reading it allocates nothing). */
    public long currentThread() {
        return threads.getCurrentThreadAllocatedBytes();
    }
}
