package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live read path (pcap_next_ex through JNA into the reused buffer) gives the same packets,
 * lengths and timestamps as were written, read here from capture files through libpcap's own reader
 * so that no privilege is needed.
 */
class LibpcapReadPathTest {
    /** zeek/pppoe-over-qinq.pcap frame 3: Ethernet, two VLAN tags, PPPoE, IPv4, TCP. */
    static final byte[] PPPOE = Hex.bytes("""
            00 00 00 00 00 01 00 00 00 00 00 00 81 00 0e 78 81 00 09 aa 88 64 11 00 0f 07 00 2a 00 21
            45 00 00 28 00 00 40 00 3f 06 35 cb 01 01 01 01 02 02 02 02
            4f aa 01 bb d7 a8 41 56 fc 90 a2 ff 50 10 10 00 8f da 00 00
            """);
    /** zeek/tunnels__gtp__gtp6_gtp_0x32.pcap frame 4: Ethernet, IPv4, UDP, GTP-U, IPv4, TCP. */
    static final byte[] GTP = Hex.bytes("""
            00 00 0c 07 ac e8 88 e0 f3 c8 bf f0 08 00 45 68 00 58 d8 f9 00 00 3c 11 19 c0 4f bc 9a 5b f3 95
            ad c6 08 68 08 68 00 44 88 be 30 ff 00 34 76 0d 3b b0 45 00 00 34 a1 43 40 00 40 06 91 1a 0a de
            0a 0a ad c2 45 bc af a0 14 6c 44 26 2b a2 3d 04 5c 1e 80 10 7d 78 c4 50 00 00 01 01 08 0a 00 0c
            8c d1 c5 1c 0d 9c
            """);
    /** 2024-01-02T03:04:05.123456789Z */
    static final long T0 = 1_704_164_645_123_456_789L;

    @TempDir
    Path dir;

    static Path write(Path file, boolean nanos, ByteOrder order, int packets) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter w = new PcapWriter(out, LinkType.ETHERNET, 65535, nanos, order);
            for (int i = 0; i < packets; i++) {
                byte[] frame = i % 2 == 0 ? PPPOE : GTP;
                w.write(T0 + i * 1_000_001L, frame);
            }
        }
        return file;
    }

    private static List<byte[]> readAll(LiveCapture capture, PacketRecord r, List<Long> times, List<Integer> interfaces) {
        List<byte[]> frames = new ArrayList<>();
        int rc;
        while ((rc = capture.read(r)) != LiveCapture.STOPPED) {
            if (rc == LiveCapture.PACKET) {
                frames.add(Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength()));
                times.add(r.timestampNanos());
                interfaces.add(r.interfaceIndex());
                assertEquals(LinkType.ETHERNET, r.linkType());
                assertEquals(r.capturedLength(), r.originalLength());
            }
        }
        return frames;
    }

    @Test
    void nanosecondFileGivesEveryFrameWithItsExactTimestamp() throws Exception {
        Path file = write(dir.resolve("ns.pcap"), true, ByteOrder.BIG_ENDIAN, 5);
        List<Long> times = new ArrayList<>();
        List<Integer> interfaces = new ArrayList<>();
        try (LiveCapture capture = LiveCapture.openFiles(List.of(file))) {
            assertTrue(capture.nanosecondTimestamps(0));
            List<byte[]> frames = readAll(capture, new PacketRecord(), times, interfaces);
            assertEquals(5, frames.size());
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(i % 2 == 0 ? PPPOE : GTP, frames.get(i));
                assertEquals(T0 + i * 1_000_001L, times.get(i));
            }
            assertNull(capture.error(), "the end of a file is not an error");
            assertEquals(LiveCapture.STOPPED, capture.read(new PacketRecord()));
        }
    }

    @Test
    void microsecondFileIsScaledToNanoseconds() throws Exception {
        Path file = write(dir.resolve("us.pcap"), false, ByteOrder.LITTLE_ENDIAN, 2);
        List<Long> times = new ArrayList<>();
        try (LiveCapture capture = LiveCapture.openFiles(List.of(file))) {
            readAll(capture, new PacketRecord(), times, new ArrayList<>());
        }
        // Written with microsecond resolution, asked for nanoseconds: libpcap scales, nothing is lost but the ns digits.
        assertEquals(List.of(T0 / 1000 * 1000, (T0 + 1_000_001L) / 1000 * 1000), times);
    }

    @Test
    void severalSourcesAreAllReadAndTaggedWithTheirIndex() throws Exception {
        Path a = write(dir.resolve("a.pcap"), true, ByteOrder.BIG_ENDIAN, 600);
        Path b = write(dir.resolve("b.pcap"), true, ByteOrder.LITTLE_ENDIAN, 300);
        List<Integer> interfaces = new ArrayList<>();
        try (LiveCapture capture = LiveCapture.openFiles(List.of(a, b))) {
            readAll(capture, new PacketRecord(), new ArrayList<>(), interfaces);
            assertEquals(List.of(a.toString(), b.toString()), capture.interfaceNames());
            List<InterfaceStats> stats = capture.stats(T0);
            assertEquals(600, stats.get(0).delivered());
            assertEquals(300, stats.get(1).delivered());
            assertEquals(300L * (PPPOE.length + GTP.length), stats.get(0).deliveredBytes());
        }
        assertEquals(600, interfaces.stream().filter(i -> i == 0).count());
        assertEquals(300, interfaces.stream().filter(i -> i == 1).count());
        // Bursts alternate: the second source starts before the first is done.
        assertTrue(interfaces.indexOf(1) < interfaces.lastIndexOf(0), "sources are interleaved in bursts");
    }

    @Test
    void truncatedFileDeliversWhatItHoldsAndSaysWhy() throws Exception {
        Path whole = write(dir.resolve("whole.pcap"), true, ByteOrder.BIG_ENDIAN, 3);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(bytes, bytes.length - 10));
        List<Long> times = new ArrayList<>();
        try (LiveCapture capture = LiveCapture.openFiles(List.of(cut))) {
            List<byte[]> frames = readAll(capture, new PacketRecord(), times, new ArrayList<>());
            assertEquals(2, frames.size());
            assertNotNull(capture.error(), "a record cut short is reported");
            assertTrue(capture.error().contains("cut.pcap"), capture.error());
        }
    }

    @Test
    void fileThatIsNotACaptureIsRefusedWithLibpcapsWords() throws Exception {
        Path junk = Files.write(dir.resolve("junk.pcap"), Hex.bytes("de ad be ef 00 01 02 03 04 05 06 07 08 09 0a 0b"));
        CaptureOpenException e = assertThrows(CaptureOpenException.class, () -> LiveCapture.openFiles(List.of(junk)));
        assertEquals(CaptureOpenException.Reason.OTHER, e.reason());
        assertTrue(e.detail().contains("format"), e.detail());
    }
}
