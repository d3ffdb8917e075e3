package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamReassemblerTest {
    private static final int WINDOW = 8192;
    private final ReassemblyCounters counters = new ReassemblyCounters();
    private final BufferPool pool = new BufferPool(WINDOW, 1 << 20);
    private final StreamReassembler stream = new StreamReassembler(pool, counters, WINDOW, 8);
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    /** Takes everything it is shown. */
    private long takeAll(byte[] buf, int off, int len) {
        received.write(buf, off, len);
        return len;
    }

    private void segment(long seq, String text) {
        segment(seq, text, this::takeAll);
    }

    private void segment(long seq, String text, StreamReassembler.StreamConsumer consumer) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        stream.onSegment(seq, b, 0, b.length, consumer);
    }

    private String received() {
        return received.toString(StandardCharsets.US_ASCII);
    }

    @Test
    void inOrderSegmentsAfterSynAreDeliveredAsOneStream() {
        stream.onSyn(1000);
        segment(1001, "Hello, ");
        segment(1008, "world");
        assertEquals("Hello, world", received());
        assertEquals(12, stream.streamOffset());
        assertEquals(0, counters.outOfOrderSegments);
    }

    @Test
    void outOfOrderSegmentsWaitForTheHoleToFill() {
        stream.onSyn(0);
        segment(8, "world");
        segment(4, "lo, ");
        assertEquals("", received(), "nothing before the first byte arrives");
        segment(1, "Hel");
        assertEquals("Hello, world", received());
        assertEquals(2, counters.outOfOrderSegments);
    }

    @Test
    void retransmittedBytesKeepTheFirstCopyAndCountConflicts() {
        stream.onSyn(0);
        segment(5, "EFGH");           // out of order: held
        segment(3, "cdXXXX");         // overlaps EFGH with different bytes
        segment(1, "ab");
        assertEquals("abcdEFGH", received(), "first copy wins");
        assertEquals(4, counters.overlapBytes);
        assertEquals(1, counters.overlapConflicts);
        segment(1, "abcd");           // old retransmission, wholly before the window
        assertEquals(1, counters.segmentsBeforeWindow);
        assertEquals("abcdEFGH", received());
    }

    @Test
    void streamPickedUpWithoutSynStartsAtFirstPayload() {
        segment(5_000_000, "mid-");
        segment(5_000_004, "stream");
        assertEquals("mid-stream", received());
    }

    @Test
    void sequenceNumbersWrapAroundTwoToThe32() {
        stream.onSyn(0xffff_fffcL);
        segment(0xffff_fffdL, "abc");
        segment(0, "def");            // wrapped
        assertEquals("abcdef", received());
    }

    @Test
    void consumerThatNeedsWholeRecordsSeesThemOnceComplete() {
        List<String> records = new ArrayList<>();
        StreamReassembler.StreamConsumer fourByteRecords = (buf, off, len) -> {
            int taken = 0;
            while (len - taken >= 4) {
                records.add(new String(buf, off + taken, 4, StandardCharsets.US_ASCII));
                taken += 4;
            }
            return taken;
        };
        stream.onSyn(0);
        byte[] data = "AAAABBBBCCCC".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < data.length; i += 3) {
            stream.onSegment(1 + i, data, i, Math.min(3, data.length - i), fourByteRecords);
        }
        assertEquals(List.of("AAAA", "BBBB", "CCCC"), records);
    }

    @Test
    void consumerCanSkipBytesItHasNotSeen() {
        StringBuilder seen = new StringBuilder();
        // Reads a 1-byte length header, then skips the body it names.
        StreamReassembler.StreamConsumer headersOnly = (buf, off, len) -> {
            int bodyLength = buf[off] - '0';
            seen.append(bodyLength);
            return 1L + bodyLength;
        };
        stream.onSyn(0);
        segment(1, "5ab", headersOnly);   // header 5, body "abcde" spans three segments
        segment(4, "cd", headersOnly);
        segment(6, "e3xyz2", headersOnly);
        segment(12, "pq", headersOnly);
        assertEquals("532", seen.toString());
        assertEquals(StreamReassembler.State.ACTIVE, stream.state());
    }

    @Test
    void holeThatNeverFillsBeforeDataPastTheWindowIsAGap() {
        stream.onSyn(0);
        segment(100, "after a lost segment");
        segment(1 + WINDOW + 10, "far ahead");
        assertEquals(StreamReassembler.State.GAP, stream.state());
        assertEquals(1, counters.gaps);
        segment(1, "late");
        assertEquals("", received(), "a stream in GAP takes nothing more");
    }

    @Test
    void holeStillOpenAtCloseIsCountedAsAGap() {
        stream.onSyn(0);
        segment(10, "tail");
        stream.close();
        assertEquals(StreamReassembler.State.GAP, stream.state());
        assertEquals(1, counters.gaps);
        assertEquals(0, pool.bytesInUse(), "close returns the buffer");
    }

    @Test
    void holeAfterBytesTheConsumerStillHoldsIsAGapAtClose() {
        StreamReassembler.StreamConsumer wantsAWholeRecord = (buf, off, len) -> 0;
        stream.onSyn(0);
        segment(1, "start of a record", wantsAWholeRecord);
        segment(40, "after a lost segment", wantsAWholeRecord);
        stream.close();
        assertEquals(StreamReassembler.State.GAP, stream.state());
        assertEquals(1, counters.gaps);
    }

    @Test
    void heldBytesWithNothingMissingAreNoGapAtClose() {
        stream.onSyn(0);
        segment(1, "start of a record", (buf, off, len) -> 0);
        stream.close();
        assertEquals(StreamReassembler.State.CLOSED, stream.state());
        assertEquals(0, counters.gaps);
    }

    @Test
    void dataPastTheWindowBeyondAHoleAfterHeldBytesIsAGapNotAnOverflow() {
        StreamReassembler.StreamConsumer wantsAWholeRecord = (buf, off, len) -> 0;
        stream.onSyn(0);
        segment(1, "start of a record", wantsAWholeRecord);
        segment(40, "after a lost segment", wantsAWholeRecord);
        segment(1 + WINDOW + 10, "far ahead", wantsAWholeRecord);
        assertEquals(StreamReassembler.State.GAP, stream.state());
        assertEquals(1, counters.gaps);
        assertEquals(0, counters.windowOverflows);
    }

    @Test
    void consumerThatNeverTakesAnythingOverflowsTheWindowInsteadOfGrowing() {
        stream.onSyn(0);
        byte[] chunk = new byte[1000];
        StreamReassembler.StreamConsumer never = (buf, off, len) -> 0;
        for (int i = 0; i < 20; i++) {
            stream.onSegment(1 + i * 1000L, chunk, 0, chunk.length, never);
        }
        assertEquals(StreamReassembler.State.WINDOW_OVERFLOW, stream.state());
        assertEquals(1, counters.windowOverflows);
        assertEquals(0, pool.bytesInUse());
    }

    @Test
    void tooManyHolesDropsTheSegmentAndCountsIt() {
        stream.onSyn(0);
        for (int i = 0; i < 9; i++) {
            segment(10 + i * 10L, "x");   // nine separate ranges, room for eight
        }
        assertEquals(1, counters.segmentsTooManyHoles);
        assertEquals(8, countHeld());
    }

    private int countHeld() {
        // Ranges are private; the held bytes with one byte per range tell the count.
        return stream.bufferedBytes() > 0 ? (int) (stream.bufferedBytes() - 10) / 10 + 1 : 0;
    }

    @Test
    void spentBudgetStopsTheStreamWithNoMemory() {
        BufferPool tiny = new BufferPool(BufferPool.MIN_SIZE, BufferPool.MIN_SIZE);
        StreamReassembler first = new StreamReassembler(tiny, counters, BufferPool.MIN_SIZE, 4);
        StreamReassembler second = new StreamReassembler(tiny, counters, BufferPool.MIN_SIZE, 4);
        byte[] b = {1, 2, 3};
        first.onSegment(0, b, 0, 1, (buf, off, len) -> 0);
        second.onSegment(0, b, 0, 1, (buf, off, len) -> 0);
        assertEquals(StreamReassembler.State.ACTIVE, first.state());
        assertEquals(StreamReassembler.State.NO_MEMORY, second.state());
        assertEquals(1, counters.noMemory);
        assertEquals(1, tiny.exhausted());
    }

    @Test
    void anyArrivalOrderOfSegmentsYieldsTheSameStream() {
        byte[] data = new byte[6000];
        new Random(7).nextBytes(data);
        Random order = new Random(42);
        for (int round = 0; round < 50; round++) {
            StreamReassembler s = new StreamReassembler(pool, new ReassemblyCounters(), WINDOW, 64);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<int[]> segments = new ArrayList<>();
            for (int at = 0; at < data.length; ) {
                int len = 1 + order.nextInt(400);
                len = Math.min(len, data.length - at);
                segments.add(new int[] {at, len});
                at += len;
            }
            Collections.shuffle(segments, order);
            segments.add(segments.get(order.nextInt(segments.size())));  // one retransmission
            s.onSyn(77);
            for (int[] seg : segments) {
                s.onSegment(78 + seg[0], data, seg[0], seg[1], (buf, off, len) -> {
                    out.write(buf, off, len);
                    return len;
                });
            }
            assertArrayEquals(data, out.toByteArray(), "round " + round);
            s.reset();
        }
        assertEquals(0, pool.bytesInUse(), "every buffer went back to the pool");
    }
}
