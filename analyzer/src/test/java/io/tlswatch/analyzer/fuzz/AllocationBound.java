package io.tlswatch.analyzer.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.AllocationCounter;

/**
 * The allocation invariant of the fuzz targets: a parser handed {@code n} bytes allocates in
 * proportion to {@code n} (its values, copies of the fields it keeps) and never in proportion to
 * what a length field claims. Measured as the bytes the calling thread allocated (the JVM's
 * count), so it also catches a buffer sized from a claim and dropped at once.
 *
 * <p>The first calls in a JVM also load classes and fill their tables (name tables, a digest's
 * provider): a one-time cost that is not the input's. So work over its bound is run once more on
 * the same input, and only the second measure counts; the work must therefore be repeatable (build
 * its state inside).
 */
final class AllocationBound {
    /** What any call may allocate whatever its input: small tables, strings of names, an exception's trace. */
    static final long FIXED = 1L << 20;
    /** Allocated bytes allowed per input byte: parsed values, hex and text forms, fingerprints' strings. */
    static final long PER_BYTE = 64;

    private static final AllocationCounter COUNTER = AllocationCounter.require();

    private AllocationBound() {
    }

    /** The bound for an input of {@code length} bytes. */
    static long proportional(int length) {
        return FIXED + PER_BYTE * length;
    }

    /** Runs {@code work} and fails when it allocated more than {@code limit} bytes (twice running). */
    static void within(long limit, Runnable work) {
        if (allocatedBy(work) > limit) {
            long again = allocatedBy(work);
            assertTrue(again <= limit, () -> "allocated " + again + " bytes, bound " + limit);
        }
    }

    private static long allocatedBy(Runnable work) {
        long before = COUNTER.currentThread();
        work.run();
        return COUNTER.currentThread() - before;
    }
}
