package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.Captures.packet;
import static io.tlswatch.capture.file.Captures.readAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.LinkType;
import io.tlswatch.testkit.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PcapngFileSourceTest {
    private static final long T0 = 1_700_000_000_123_456_789L;

    @Test
    void twoInterfacesWithDifferentLinkTypesAndResolutions() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        int eth = w.addInterface(LinkType.ETHERNET, PcapngWriter.MICROSECONDS);
        int raw = w.addInterface(LinkType.RAW, PcapngWriter.NANOSECONDS);
        w.writePacket(eth, T0, packet(60, 1));
        w.writePacket(raw, T0 + 1, packet(41, 2));
        w.writePacket(eth, T0 + 2, packet(1514, 3));

        List<Captures.Packet> p = readAll(out.toByteArray()).packets();
        assertEquals(3, p.size());
        assertEquals(LinkType.ETHERNET, p.get(0).linkType());
        assertEquals(0, p.get(0).interfaceIndex());
        assertEquals(T0 / 1000 * 1000, p.get(0).timestampNanos());
        assertArrayEquals(packet(60, 1), p.get(0).data());
        assertEquals(LinkType.RAW, p.get(1).linkType());
        assertEquals(1, p.get(1).interfaceIndex());
        assertEquals(T0 + 1, p.get(1).timestampNanos());
        assertArrayEquals(packet(41, 2), p.get(1).data(), "padding is not packet data");
        assertEquals(1514, p.get(2).originalLength());
    }

    @Test
    void simplePacketBlocksUseInterfaceZeroAndThePreviousTimestamp() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.BIG_ENDIAN);
        w.addInterface(LinkType.LINUX_SLL, PcapngWriter.NANOSECONDS);
        w.writeSimplePacket(packet(30, 9));
        w.writePacket(0, T0, packet(10, 1));
        w.writeSimplePacket(packet(43, 7));

        Captures.Result read = readAll(out.toByteArray());
        assertNull(read.error());
        List<Captures.Packet> p = read.packets();
        assertEquals(3, p.size());
        assertEquals(0, p.get(0).timestampNanos());
        assertArrayEquals(packet(30, 9), p.get(0).data());
        assertEquals(LinkType.LINUX_SLL, p.get(2).linkType());
        assertEquals(T0, p.get(2).timestampNanos());
        assertArrayEquals(packet(43, 7), p.get(2).data());
        assertEquals(43, p.get(2).originalLength());
    }

    @Test
    void unknownBlocksAreSkippedByTheirLength() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.writeBlock(4, Hex.bytes("01 00 08 00 0a 00 00 01 68 6f 73 74 00 00 00 00")); // name resolution
        w.addInterface(LinkType.ETHERNET, PcapngWriter.MICROSECONDS);
        w.writePacket(0, T0, packet(60, 1));
        w.writeBlock(0x0000000a, packet(2_000_000, 0)); // decryption secrets, larger than the read window
        w.writeBlock(5, new byte[20]); // interface statistics
        w.writeBlock(0x00000bad, packet(13, 5)); // custom
        w.writePacket(0, T0, packet(61, 2));

        Captures.Result read = readAll(out.toByteArray());
        assertNull(read.error());
        assertEquals(2, read.packets().size());
        assertArrayEquals(packet(61, 2), read.packets().get(1).data());
    }

    @Test
    void sectionsInBothByteOrdersEachWithTheirOwnInterfaces() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter little = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        little.addInterface(LinkType.ETHERNET, PcapngWriter.MICROSECONDS);
        little.writePacket(0, T0, packet(60, 1));
        PcapngWriter big = new PcapngWriter(out, ByteOrder.BIG_ENDIAN);
        big.addInterface(LinkType.LINUX_SLL2, PcapngWriter.NANOSECONDS);
        big.addInterface(LinkType.IPV6, PcapngWriter.NANOSECONDS);
        big.writePacket(1, T0 + 5, packet(40, 2));
        big.writePacket(0, T0 + 6, packet(20, 3));

        List<Captures.Packet> p = readAll(out.toByteArray()).packets();
        assertEquals(3, p.size());
        assertEquals(LinkType.ETHERNET, p.get(0).linkType());
        assertEquals(0, p.get(0).interfaceIndex());
        assertEquals(LinkType.IPV6, p.get(1).linkType());
        assertEquals(2, p.get(1).interfaceIndex(), "interfaces are numbered across sections");
        assertEquals(T0 + 5, p.get(1).timestampNanos());
        assertEquals(LinkType.LINUX_SLL2, p.get(2).linkType());
        assertEquals(1, p.get(2).interfaceIndex());
    }

    @Test
    void binaryResolutionAndTimestampOffset() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.addInterface(LinkType.RAW, 65535, 0x80 | 20, 0);
        w.addInterface(LinkType.RAW, 65535, PcapngWriter.MICROSECONDS, 3600);
        w.writePacket(0, T0, packet(20, 0));
        w.writePacket(1, T0, packet(20, 0));
        List<Captures.Packet> p = readAll(out.toByteArray()).packets();
        long binary = p.get(0).timestampNanos();
        assertTrue(binary <= T0 && T0 - binary < 1_000, "2^-20 s units lose under a microsecond: " + binary);
        assertEquals(T0 / 1000 * 1000 + 3600 * 1_000_000_000L, p.get(1).timestampNanos());
    }

    @Test
    void handMadeBigEndianFileWithAnObsoletePacketBlock() throws IOException {
        byte[] file = Hex.bytes("""
                0a 0d 0d 0a 00 00 00 1c 1a 2b 3c 4d 00 01 00 00  // SHB, 28 bytes, big-endian, version 1.0
                ff ff ff ff ff ff ff ff 00 00 00 1c              // section length unknown
                00 00 00 01 00 00 00 20 00 65 00 00 00 00 ff ff  // IDB, 32 bytes, RAW, snaplen 65535
                00 09 00 01 09 00 00 00 00 00 00 00 00 00 00 20  // if_tsresol 9 (ns), end of options
                00 00 00 02 00 00 00 34 00 00 00 00              // Packet Block, 52 bytes, interface 0, no drops
                00 00 00 00 00 00 03 e8 00 00 00 14 00 00 00 14  // timestamp 1000 ns, 20 of 20 bytes
                45 00 00 14 00 01 00 00 40 06 f9 7b c0 a8 00 02 c0 a8 00 01
                00 00 00 34
                """);
        Captures.Result read = readAll(file);
        assertNull(read.error());
        assertEquals(1, read.packets().size());
        assertEquals(1000, read.packets().get(0).timestampNanos());
        assertEquals(LinkType.RAW, read.packets().get(0).linkType());
        assertEquals(20, read.packets().get(0).data().length);
    }

    @Test
    void damagedBlocksStopWithANamedReasonAfterThePacketsBefore() throws IOException {
        byte[] good = twoPacketFile();
        int second = good.length - blockLength(70);
        assertDamage(patchInt(good, second + 4, 70), 1, "damaged block of type 0x00000006 at byte " + second
                + ": block length 70 is not a multiple of 4");
        assertDamage(patchInt(good, second + 4, 8), 1, "block length 8 is below the minimum of 32");
        assertDamage(patchInt(good, second + 4, 64 * 1024 * 1024), 1, "block length 67108864 exceeds the maximum of 16777216");
        assertDamage(patchInt(good, good.length - 4, 96), 1, "trailing length 96 differs from the leading length 104");
        assertDamage(patchInt(good, second + 8, 3), 1, "interface 3 is not described (the section has 1)");
        assertDamage(patchInt(good, second + 20, 80), 1, "captured length 80 runs past the block length 104");
    }

    @Test
    void aFileCutAnywhereDeliversEveryWholeBlockAndNamesTheOffset() throws IOException {
        byte[] whole = twoPacketFile();
        int firstPacketEnd = whole.length - blockLength(70);
        for (int cut = 12; cut <= whole.length; cut++) {
            Captures.Result read = readAll(Arrays.copyOf(whole, cut));
            int expected = cut == whole.length ? 2 : cut >= firstPacketEnd ? 1 : 0;
            assertEquals(expected, read.packets().size(), "cut at " + cut);
            // block ends: section header (28), interface description (28 + 32), first packet, second packet
            boolean boundary = cut == 28 || cut == 60 || cut == firstPacketEnd || cut == whole.length;
            if (boundary) {
                assertNull(read.error(), "cut at " + cut);
            } else {
                assertTrue(read.error().startsWith("file ends inside a block"), cut + ": " + read.error());
            }
        }
    }

    @Test
    void headerThatIsNotASectionHeaderIsAFormatError() {
        byte[] badMagic = Hex.bytes("0a 0d 0d 0a 1c 00 00 00 11 22 33 44 01 00 00 00");
        CaptureFormatException e = assertThrows(CaptureFormatException.class, () -> Captures.open(badMagic));
        assertTrue(e.getMessage().startsWith("test.pcap: not a pcapng file"), e.getMessage());
    }

    private static void assertDamage(byte[] file, int packetsBefore, String reason) throws IOException {
        Captures.Result read = readAll(file);
        assertEquals(packetsBefore, read.packets().size(), reason);
        assertTrue(read.error() != null && read.error().contains(reason), read.error());
    }

    /** SHB, IDB (Ethernet, microseconds), EPB of 60 bytes, EPB of 70 bytes; little-endian. */
    private static byte[] twoPacketFile() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PcapngWriter w = new PcapngWriter(out, ByteOrder.LITTLE_ENDIAN);
        w.addInterface(LinkType.ETHERNET, PcapngWriter.MICROSECONDS);
        w.writePacket(0, T0, packet(60, 1));
        w.writePacket(0, T0, packet(70, 2));
        return out.toByteArray();
    }

    private static int blockLength(int packetLength) {
        return 32 + (packetLength + 3) / 4 * 4;
    }

    private static byte[] patchInt(byte[] file, int at, int value) {
        byte[] copy = file.clone();
        ByteBuffer.wrap(copy).order(ByteOrder.LITTLE_ENDIAN).putInt(at, value);
        return copy;
    }
}
