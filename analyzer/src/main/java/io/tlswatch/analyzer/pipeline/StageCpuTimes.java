package io.tlswatch.analyzer.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time each stage of the pipeline spent, in nanoseconds (-1 where the JVM does not measure
 * it): what to look at first when a run is slower than the link, since the busiest stage bounds
 * the rest. Wall-clock speed depends on what else the machine runs; these numbers much less.
 *
 * @param reader  the thread that read, decoded and sharded the packets (and read the files)
 * @param workers the flow workers together
 * @param sink    the thread that judged and wrote the sessions
 */
public record StageCpuTimes(long reader, long workers, long sink) {

    /** CPU time of the calling thread so far, or -1. */
    static long currentThread() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}
