package io.tlswatch.cli;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.live.InterfaceStats;
import io.tlswatch.capture.live.LiveCapture;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The reader's loop of a live capture, on one thread: packets from every interface into the
 * analyzer (a packet its full worker cannot take is dropped and counted against its interface),
 * and, between packets or when the link is quiet, the wall clock's chores: the analyzer's clock
 * moves on (idle flows expire), the output is flushed every second, and every stats interval a
 * stats line goes to stderr and a stats document per interface into the output. Ends when the
 * capture stops (asked to, or every interface failed), after the last stats.
 */
final class CaptureLoop {
    /** Packets between looks at the wall clock (a look costs a clock read). */
    static final int CLOCK_EVERY_PACKETS = 1024;
    static final long TICK_NANOS = 100_000_000L;
    static final long FLUSH_NANOS = 1_000_000_000L;

    private final LiveCapture capture;
    private final Analyzer analyzer;
    private final DocumentSink sink;
    private final String sensor;
    private final long statsIntervalNanos;
    private final PrintWriter err;
    private final boolean statsLines;
    private final LongSupplier wallClockNanos;
    private final boolean dropWhenFull;

    /**
     * @param dropWhenFull drop (and count) a packet whose worker's ring is full, rather than wait
     *                     for room while the kernel's buffer absorbs the burst
     */
    CaptureLoop(LiveCapture capture, Analyzer analyzer, DocumentSink sink, String sensor, long statsIntervalNanos,
                PrintWriter err, boolean statsLines, LongSupplier wallClockNanos, boolean dropWhenFull) {
        this.dropWhenFull = dropWhenFull;
        this.capture = capture;
        this.analyzer = analyzer;
        this.sink = sink;
        this.sensor = sensor;
        this.statsIntervalNanos = statsIntervalNanos;
        this.err = err;
        this.statsLines = statsLines;
        this.wallClockNanos = wallClockNanos;
    }

    /** Reads until the capture stops; the analyzer is not finished here (the caller does it). */
    void run() throws IOException {
        PacketRecord record = new PacketRecord();
        long now = wallClockNanos.getAsLong();
        long nextTick = now + TICK_NANOS;
        long nextFlush = now + FLUSH_NANOS;
        long nextStats = now + statsIntervalNanos;
        int sinceClock = 0;
        while (true) {
            int rc = capture.read(record);
            if (rc == LiveCapture.PACKET) {
                if (!dropWhenFull) {
                    analyzer.onPacket(record);
                } else if (!analyzer.offer(record)) {
                    capture.countDroppedByUs(record.interfaceIndex());
                }
                if (++sinceClock < CLOCK_EVERY_PACKETS) {
                    continue;
                }
            } else if (rc == LiveCapture.STOPPED) {
                return;
            }
            sinceClock = 0;
            now = wallClockNanos.getAsLong();
            if (now >= nextTick) {
                analyzer.advanceClock(now);
                nextTick = now + TICK_NANOS;
            }
            if (now >= nextFlush) {
                sink.flush();
                nextFlush = now + FLUSH_NANOS;
            }
            if (now >= nextStats) {
                writeStats(now, false);
                nextStats = Math.max(nextStats + statsIntervalNanos, now + 1);
            }
        }
    }

    /** Every interface's counters: a stats document each into the output, one line on stderr. */
    void writeStats(long nowNanos, boolean last) throws IOException {
        List<InterfaceStats> all = capture.stats(nowNanos);
        for (InterfaceStats s : all) {
            sink.accept(new CaptureStatsDocument(sensor, s, last));
        }
        if (statsLines) {
            err.println(StatsLine.format(all));
        }
    }
}
