package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.Captures.packet;
import static io.tlswatch.capture.file.Captures.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaptureFilesTest {
    @TempDir
    Path dir;

    @Test
    void gzippedPcapAndPcapngAreReadTransparentlyWithCompressedProgress() throws IOException {
        Path pcap = dir.resolve("trace.pcap.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pcap))) {
            PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
            for (int i = 0; i < 500; i++) {
                w.write(i, new byte[1000]);
            }
        }
        try (PacketSource source = CaptureFiles.open(pcap)) {
            assertEquals(Files.size(pcap), source.size());
            int packets = 0;
            PacketRecord r = new PacketRecord();
            while (source.next(r)) {
                packets++;
            }
            assertEquals(500, packets);
            assertNull(source.error());
            assertEquals(Files.size(pcap), source.position(), "progress counts the compressed bytes");
            assertTrue(source.position() < 500 * 1000);
        }
        Path pcapng = dir.resolve("trace.pcapng.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(pcapng))) {
            PcapngWriter w = new PcapngWriter(out, ByteOrder.BIG_ENDIAN);
            w.addInterface(LinkType.RAW, PcapngWriter.NANOSECONDS);
            w.writePacket(0, 5, packet(40, 1));
        }
        Captures.Result read = readAll(CaptureFiles.open(pcapng));
        assertEquals(1, read.packets().size());
        assertEquals(5, read.packets().get(0).timestampNanos());
    }

    @Test
    void aCutGzipFileDeliversWhatDecompressedAndSaysItIsDamaged() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(gz)) {
            PcapWriter w = new PcapWriter(out, LinkType.ETHERNET);
            for (int i = 0; i < 2000; i++) {
                w.write(i, packet(500, i));
            }
        }
        byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        Captures.Result read = readAll(cut);
        assertTrue(read.packets().size() > 0 && read.packets().size() < 2000, read.packets().size() + " packets");
        assertTrue(read.error().startsWith("file ends inside a record"), read.error());
        assertTrue(read.error().contains("compressed data is damaged"), read.error());
    }

    @Test
    void captureFormatIsSniffedFromTheBytesNotTheName() throws IOException {
        Path misnamed = dir.resolve("really-a-pcap.pcapng");
        try (OutputStream out = Files.newOutputStream(misnamed)) {
            new PcapWriter(out, LinkType.RAW).write(1, packet(20, 0));
        }
        assertEquals(1, readAll(CaptureFiles.open(misnamed)).packets().size());
    }

    @Test
    void filesThatAreNotCapturesGiveOneLineNamingTheFileAndReason() throws IOException {
        Path text = Files.writeString(dir.resolve("x.txt"), "Hello, world\n", StandardCharsets.US_ASCII);
        assertEquals(text + ": not a pcap or pcapng file (starts with 48 65 6c 6c)", failure(text));
        Path empty = Files.createFile(dir.resolve("empty.pcap"));
        assertEquals(empty + ": empty file, not a capture", failure(empty));
        Path tiny = Files.write(dir.resolve("tiny.pcap"), new byte[] {(byte) 0xd4, (byte) 0xc3});
        assertEquals(tiny + ": too short for a capture (2 bytes)", failure(tiny));
        assertEquals(dir.resolve("missing.pcap") + ": no such file", failure(dir.resolve("missing.pcap")));
        assertEquals(dir + ": is a directory, not a capture file", failure(dir));
        Path gzText = dir.resolve("x.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzText))) {
            out.write("Hello, world".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(gzText + ": not a pcap or pcapng file (starts with 48 65 6c 6c after decompression)", failure(gzText));
        Path badGzip = Files.write(dir.resolve("bad.pcap.gz"), new byte[] {0x1f, (byte) 0x8b, 0x01, 0x00});
        assertTrue(failure(badGzip).startsWith(badGzip + ": starts like gzip but its header is damaged"), failure(badGzip));
    }

    @Test
    void expandTakesNamedFilesAndCaptureFilesOfFoldersSortedByName() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("captures"));
        Path b = Files.createFile(folder.resolve("b.pcap"));
        Path a = Files.createFile(folder.resolve("a.pcapng"));
        Files.createFile(folder.resolve("notes.txt"));
        Path sub = Files.createDirectories(folder.resolve("sub/deeper"));
        Path c = Files.createFile(folder.resolve("sub/c.cap.gz"));
        Path d = Files.createFile(sub.resolve("d.PCAP"));
        Path named = Files.createFile(dir.resolve("named.bin"));
        assertEquals(List.of(named, a, b, c, d), CaptureFiles.expand(List.of(named, folder)));
        assertTrue(CaptureFiles.looksLikeCapture(Path.of("x.pcapng.gz")));
        assertTrue(!CaptureFiles.looksLikeCapture(Path.of("x.gz")));
    }

    private static String failure(Path file) {
        return assertThrows(CaptureFormatException.class, () -> CaptureFiles.open(file)).getMessage();
    }
}
