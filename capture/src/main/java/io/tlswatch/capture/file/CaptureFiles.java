package io.tlswatch.capture.file;

import io.tlswatch.capture.Bytes;
import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.PacketSource;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Opens capture files whatever their format: pcap or pcapng, told apart by their first bytes
 * rather than their names, each optionally gzip-compressed; and expands folders into the captures
 * they hold.
 */
public final class CaptureFiles {
    /** File name endings taken from folders (explicitly named files are taken whatever their name). */
    public static final List<String> CAPTURE_EXTENSIONS =
            List.of(".pcap", ".pcapng", ".cap", ".pcap.gz", ".pcapng.gz", ".cap.gz");

    private static final int GZIP_BUFFER = 1 << 16;
    private static final int MAX_FOLDER_DEPTH = 64;
    private static final int PCAPNG_MAGIC = PcapngLayout.SECTION_HEADER_BLOCK;

    private CaptureFiles() {
    }

    /**
     * Opens a capture file for reading.
     *
     * @throws CaptureFormatException with a one-line message naming the file when it is missing, a
     *         folder, empty, or neither pcap nor pcapng
     * @throws IOException when reading fails
     */
    public static PacketSource open(Path file) throws IOException {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            throw new CaptureFormatException(name + ": is a directory, not a capture file");
        }
        InputStream raw;
        long size;
        try {
            size = Files.size(file);
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CaptureFormatException(name + ": no such file");
        } catch (AccessDeniedException e) {
            throw new CaptureFormatException(name + ": permission denied");
        }
        if (size == 0) {
            raw.close();
            throw new CaptureFormatException(name + ": empty file, not a capture");
        }
        return open(name, raw, size);
    }

    /**
     * Opens a capture read from a stream (standard input, a test's bytes); the source closes it.
     *
     * @param size the stream's length in bytes for progress, or -1 when unknown
     */
    public static PacketSource open(String name, InputStream raw, long size) throws IOException {
        boolean done = false;
        try {
            PacketSource source = sniff(name, raw, size);
            done = true;
            return source;
        } finally {
            if (!done) {
                raw.close();
            }
        }
    }

    private static PacketSource sniff(String name, InputStream raw, long size) throws IOException {
        CountingInputStream counted = new CountingInputStream(raw);
        BufferedInputStream peek = new BufferedInputStream(counted, GZIP_BUFFER);
        peek.mark(2);
        boolean gzip = peek.read() == 0x1f && peek.read() == 0x8b;
        peek.reset();
        InputStream data = gzip ? gunzip(name, peek) : peek;
        ReadBuffer buffer = new ReadBuffer(data, CaptureLimits.MAX_BLOCK_LENGTH);
        CaptureInput input = new CaptureInput(name, buffer, gzip ? counted : null, size);
        if (!buffer.request(4)) {
            throw new CaptureFormatException(name + (buffer.available() == 0
                    ? ": empty" + (gzip ? " after decompression" : "") + ", not a capture"
                    : ": too short for a capture (" + buffer.available() + " bytes)"));
        }
        byte[] b = buffer.array();
        int at = buffer.start();
        if (PcapHeader.isPcapMagic(b, at)) {
            return new PcapFileSource(input);
        }
        if (Bytes.i32(b, at) == PCAPNG_MAGIC) {
            return new PcapngFileSource(input);
        }
        throw new CaptureFormatException(name + ": not a pcap or pcapng file (starts with "
                + Bytes.hexPrefix(b, at, 4) + (gzip ? " after decompression" : "") + ")");
    }

    private static InputStream gunzip(String name, InputStream compressed) throws IOException {
        try {
            return new GZIPInputStream(compressed, GZIP_BUFFER);
        } catch (ZipException | EOFException e) {
            throw new CaptureFormatException(name + ": starts like gzip but its header is damaged (" + e.getMessage() + ")");
        }
    }

    /**
     * The capture files that paths name: a file is taken as it is (even when its name does not
     * look like a capture, or it does not exist, so that {@link #open(Path)} reports it); a folder
     * gives its files with a {@link #CAPTURE_EXTENSIONS capture extension}, in its subfolders too,
     * sorted by name within each folder.
     */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                addFolder(p, out, 0);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** Whether a file name ends with one of the {@link #CAPTURE_EXTENSIONS}, in any letter case. */
    public static boolean looksLikeCapture(Path file) {
        Path fileName = file.getFileName();
        if (fileName == null) {
            return false;
        }
        String name = fileName.toString().toLowerCase(Locale.ROOT);
        for (String extension : CAPTURE_EXTENSIONS) {
            if (name.endsWith(extension)) {
                return true;
            }
        }
        return false;
    }

    private static void addFolder(Path folder, List<Path> out, int depth) throws IOException {
        if (depth > MAX_FOLDER_DEPTH) {
            throw new CaptureFormatException(folder + ": folders nested deeper than " + MAX_FOLDER_DEPTH
                    + " (a link loop?)");
        }
        List<Path> entries;
        try (Stream<Path> listing = Files.list(folder)) {
            entries = new ArrayList<>(listing.toList());
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path entry : entries) {
            if (Files.isDirectory(entry)) {
                addFolder(entry, out, depth + 1);
            } else if (Files.isRegularFile(entry) && looksLikeCapture(entry)) {
                out.add(entry);
            }
        }
    }
}
