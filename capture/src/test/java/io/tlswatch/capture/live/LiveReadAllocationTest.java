package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.testkit.AllocationCounter;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live read path allocates nothing per packet once it runs (as capture's SteadyStateAllocationTest). */
class LiveReadAllocationTest {
    @TempDir
    Path dir;

    @Test
    void readingThroughLibpcapAllocatesNothingPerPacket() throws Exception {
        AllocationCounter threads = AllocationCounter.require();

        int packets = 100_000;
        Path a = LibpcapReadPathTest.write(dir.resolve("a.pcap"), true, ByteOrder.LITTLE_ENDIAN, packets / 2);
        Path b = LibpcapReadPathTest.write(dir.resolve("b.pcap"), true, ByteOrder.BIG_ENDIAN, packets / 2);
        PacketRecord record = new PacketRecord();
        long read = 0;
        long checksum = 0;
        try (LiveCapture capture = LiveCapture.openFiles(List.of(a, b))) {
            for (int i = 0; i < packets / 2; i++) {
                assertEquals(LiveCapture.PACKET, capture.read(record));
                read++;
            }
            long before = threads.currentThread();
            while (capture.read(record) == LiveCapture.PACKET) {
                checksum += record.data()[record.offset() + 12] + record.capturedLength();
                read++;
            }
            long allocated = threads.currentThread() - before;
            assertTrue(allocated < 4096, allocated + " bytes allocated for " + packets / 2 + " packets");
        }
        assertEquals(packets, read);
        assertTrue(checksum != 0);
    }
}
