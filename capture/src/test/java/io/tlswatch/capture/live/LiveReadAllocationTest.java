package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.capture.PacketRecord;
import java.lang.management.ManagementFactory;
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
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "this JVM does not count allocated bytes");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(threads.isThreadAllocatedMemorySupported() && threads.isThreadAllocatedMemoryEnabled(),
                "this JVM does not count allocated bytes");

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
            long before = threads.getThreadAllocatedBytes(Thread.currentThread().getId());
            while (capture.read(record) == LiveCapture.PACKET) {
                checksum += record.data()[record.offset() + 12] + record.capturedLength();
                read++;
            }
            long allocated = threads.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 4096, allocated + " bytes allocated for " + packets / 2 + " packets");
        }
        assertEquals(packets, read);
        assertTrue(checksum != 0);
    }
}
