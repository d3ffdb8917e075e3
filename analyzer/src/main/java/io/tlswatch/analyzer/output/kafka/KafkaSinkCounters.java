package io.tlswatch.analyzer.output.kafka;

import java.util.concurrent.atomic.LongAdder;

/**
 * What became of the records the Kafka sink was given: acknowledged by the broker at once, put in
 * the spool when Kafka could not take them, acknowledged later from the spool, or lost because the
 * spool was full. Written by the sink's, the producer's and the spool drainer's threads.
 */
public final class KafkaSinkCounters {
    final LongAdder accepted = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder spooled = new LongAdder();
    final LongAdder resent = new LongAdder();
    final LongAdder lost = new LongAdder();
    final LongAdder sendFailures = new LongAdder();

    /** Documents given to the sink. */
    public long accepted() { return accepted.sum(); }

    /** Records the broker acknowledged on the first try. */
    public long acked() { return acked.sum(); }

    /** Records written to the spool because Kafka could not take them. */
    public long spooled() { return spooled.sum(); }

    /** Records acknowledged from the spool (a spooled record sent again after a failure counts again). */
    public long resent() { return resent.sum(); }

    /** Records lost: the spool was full, or unwritable. */
    public long lost() { return lost.sum(); }

    /** Sends Kafka failed (each then spooled or, when the spool was full, lost). */
    public long sendFailures() { return sendFailures.sum(); }
}
