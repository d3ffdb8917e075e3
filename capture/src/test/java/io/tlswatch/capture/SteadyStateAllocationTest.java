package io.tlswatch.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.decode.DecodeCounters;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.capture.file.PcapngWriter;
import io.tlswatch.testkit.AllocationCounter;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The per-packet path (read a packet, decode it, count it) allocates nothing once it runs. */
class SteadyStateAllocationTest {
    /** zeek/pppoe-over-qinq.pcap frame 3 and zeek/tunnels__gtp__gtp6_gtp_0x32.pcap frame 4. */
    private static final byte[] PPPOE = Hex.bytes("""
            00 00 00 00 00 01 00 00 00 00 00 00 81 00 0e 78 81 00 09 aa 88 64 11 00 0f 07 00 2a 00 21
            45 00 00 28 00 00 40 00 3f 06 35 cb 01 01 01 01 02 02 02 02
            4f aa 01 bb d7 a8 41 56 fc 90 a2 ff 50 10 10 00 8f da 00 00
            """);
    private static final byte[] GTP = Hex.bytes("""
            00 00 0c 07 ac e8 88 e0 f3 c8 bf f0 08 00 45 68 00 58 d8 f9 00 00 3c 11 19 c0 4f bc 9a 5b f3 95
            ad c6 08 68 08 68 00 44 88 be 30 ff 00 34 76 0d 3b b0 45 00 00 34 a1 43 40 00 40 06 91 1a 0a de
            0a 0a ad c2 45 bc af a0 14 6c 44 26 2b a2 3d 04 5c 1e 80 10 7d 78 c4 50 00 00 01 01 08 0a 00 0c
            8c d1 c5 1c 0d 9c
            """);

    @Test
    void readingDecodingAndCountingAllocateNothingPerPacket() throws IOException {
        AllocationCounter threads = AllocationCounter.require();

        int packets = 40_000;
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(file, ByteOrder.LITTLE_ENDIAN);
        w.addInterface(LinkType.ETHERNET, PcapngWriter.NANOSECONDS);
        for (int i = 0; i < packets; i++) {
            w.writePacket(0, i, i % 2 == 0 ? PPPOE : GTP);
        }
        byte[] bytes = file.toByteArray();
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket decoded = new DecodedPacket();
        DecodeCounters counters = new DecodeCounters();
        PacketRecord record = new PacketRecord();
        try (PacketSource source = CaptureFiles.open("alloc.pcapng", new ByteArrayInputStream(bytes), bytes.length)) {
            for (int i = 0; i < packets / 2; i++) {
                source.next(record);
                counters.count(decoder.decode(record, decoded));
            }
            long before = threads.currentThread();
            while (source.next(record)) {
                counters.count(decoder.decode(record, decoded));
            }
            long allocated = threads.currentThread() - before;
            assertTrue(allocated < 4096, allocated + " bytes allocated for " + packets / 2 + " packets");
        }
        assertEquals(packets, counters.get(DecodeOutcome.TCP));
    }
}
