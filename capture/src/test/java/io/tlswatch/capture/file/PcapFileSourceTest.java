package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.Captures.packet;
import static io.tlswatch.capture.file.Captures.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PcapFileSourceTest {
    private static final long T0 = 1_600_000_000_123_456_789L;

    @ParameterizedTest(name = "nanos={0} bigEndian={1}")
    @CsvSource({"false,false", "false,true", "true,false", "true,true"})
    void writtenFilesReadBackInEveryByteOrderAndTimestampUnit(boolean nanos, boolean bigEndian) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(file, LinkType.LINUX_SLL, 65535, nanos,
                bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        w.write(T0, packet(60, 1));
        w.write(T0 + 1_000, packet(1514, 2), 0, 200, 1514);
        w.write(T0 + 2_000_000_000L, new byte[0]);

        Captures.Result read = readAll(file.toByteArray());
        assertNull(read.error());
        assertEquals(3, read.packets().size());
        long unit = nanos ? 1 : 1_000;
        assertEquals(T0 / unit * unit, read.packets().get(0).timestampNanos());
        assertEquals((T0 + 1_000) / unit * unit, read.packets().get(1).timestampNanos());
        assertArrayEquals(packet(60, 1), read.packets().get(0).data());
        assertArrayEquals(Arrays.copyOf(packet(1514, 2), 200), read.packets().get(1).data());
        assertEquals(1514, read.packets().get(1).originalLength());
        assertEquals(0, read.packets().get(2).data().length);
        for (Captures.Packet p : read.packets()) {
            assertEquals(LinkType.LINUX_SLL, p.linkType());
            assertEquals(0, p.interfaceIndex());
        }
    }

    @Test
    void handMadeBigEndianNanosecondFile() throws IOException {
        byte[] file = Hex.bytes("""
                a1 b2 3c 4d 00 02 00 04 00 00 00 00 00 00 00 00  // magic (ns, big-endian), version 2.4
                00 00 ff ff 00 00 00 65                          // snaplen 65535, link type RAW
                5f 5e 10 00 00 00 00 07 00 00 00 14 00 00 05 dc  // 1600000000 s + 7 ns, 20 of 1500 bytes
                45 00 05 dc 00 01 00 00 40 06 f9 7b c0 a8 00 02 c0 a8 00 01
                """);
        try (PacketSource source = Captures.open(file)) {
            assertEquals(LinkType.RAW, ((PcapFileSource) source).linkType());
            assertEquals(65535, ((PcapFileSource) source).snapLength());
            assertTrue(((PcapFileSource) source).nanosecondTimestamps());
        }
        Captures.Result read = readAll(file);
        assertNull(read.error());
        assertEquals(1, read.packets().size());
        assertEquals(1_600_000_000_000_000_007L, read.packets().get(0).timestampNanos());
        assertEquals(1500, read.packets().get(0).originalLength());
        assertEquals(0x45, read.packets().get(0).data()[0]);
    }

    @Test
    void fcsBitsInTheLinkTypeFieldLeaveTheLinkType() throws IOException {
        byte[] file = Hex.bytes("""
                d4 c3 b2 a1 02 00 04 00 00 00 00 00 00 00 00 00  // magic (us, little-endian)
                ff ff 00 00 01 00 00 14                          // Ethernet, FCS present: 1 x 16 bits
                """);
        try (PcapFileSource source = (PcapFileSource) Captures.open(file)) {
            assertEquals(LinkType.ETHERNET, source.linkType());
            assertEquals(false, source.nanosecondTimestamps());
            assertEquals(false, source.next(new PacketRecord()));
            assertNull(source.error());
        }
    }

    @Test
    void oversizedCapturedLengthStopsWithTheOffsetAfterThePacketsBefore() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        new PcapWriter(file, LinkType.ETHERNET).write(T0, packet(64, 0));
        // suricata-verify/bug-1450-04 has such a record: incl_len 0x00420000
        file.writeBytes(Hex.bytes("c8 b6 34 55 c2 71 00 00 00 00 42 00 00 00 42 00 00 00 00 00"));
        Captures.Result read = readAll(file.toByteArray());
        assertEquals(1, read.packets().size());
        assertEquals("damaged record at byte 104: captured length 4325376 exceeds the maximum of 262144", read.error());
    }

    @Test
    void aFileCutAnywhereDeliversEveryWholeRecordAndNamesTheOffset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
        int[] lengths = {60, 1000, 3};
        for (int i = 0; i < lengths.length; i++) {
            w.write(T0 + i, packet(lengths[i], i));
        }
        byte[] whole = out.toByteArray();
        for (int cut = PcapLayout.FILE_HEADER_LENGTH; cut <= whole.length; cut++) {
            Captures.Result read = readAll(Arrays.copyOf(whole, cut));
            int complete = 0;
            long boundary = PcapLayout.FILE_HEADER_LENGTH;
            while (complete < lengths.length && boundary + 16 + lengths[complete] <= cut) {
                boundary += 16 + lengths[complete];
                complete++;
            }
            assertEquals(complete, read.packets().size(), "cut at " + cut);
            if (boundary == cut) {
                assertNull(read.error(), "cut at " + cut);
            } else {
                String expected = "file ends inside a record" + (cut - boundary < 16 ? " header" : "")
                        + " at byte " + boundary + ": " + (cut - boundary) + " of ";
                assertTrue(read.error().startsWith(expected), "cut at " + cut + ": " + read.error());
            }
        }
    }

    @Test
    void unreadableHeadersAreFormatErrors() {
        byte[] shortHeader = Hex.bytes("d4 c3 b2 a1 02 00 04 00 00 00");
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> Captures.open(shortHeader));
        assertEquals("test.pcap: pcap file header is cut short (10 of 24 bytes)", e.getMessage());
        byte[] version1 = Hex.bytes("d4 c3 b2 a1 01 00 00 00 00 00 00 00 00 00 00 00 ff ff 00 00 01 00 00 00");
        e = assertThrows(CaptureFormatException.class, () -> Captures.open(version1));
        assertEquals("test.pcap: unsupported pcap version 1.0", e.getMessage());
    }

    @Test
    void packetsAreSlicesOfOneReusedBuffer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
        for (int i = 0; i < 100; i++) {
            w.write(T0 + i, packet(100, i));
        }
        try (PacketSource source = Captures.open(out.toByteArray())) {
            PacketRecord r = new PacketRecord();
            source.next(r);
            byte[] buffer = r.data();
            int count = 1;
            while (source.next(r)) {
                assertSame(buffer, r.data());
                assertEquals((byte) count, r.data()[r.offset()]);
                count++;
            }
            assertEquals(100, count);
            assertEquals(out.size(), source.position());
            assertEquals(out.size(), source.size());
        }
    }
}
