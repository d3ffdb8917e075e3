package io.tlswatch.analyzer.output.kafka;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A bounded on-disk queue of the records Kafka could not take, in the order they came: numbered
 * segment files ({@code 00000000000000000001.spool}, {@link SpoolRecordLayout}) in a folder of its
 * own, locked against a second process. Records are appended to the newest segment, which rolls at
 * {@code segmentBytes}; {@link #sync()} forces them to disk. A reader takes the oldest segment whole
 * ({@link #oldest()}) and deletes it once delivered ({@link #complete}). When the next record would
 * take the spool past {@code maxBytes} it is refused and counted ({@link #refused()}): loss is
 * never silent. Segments left by an earlier run are kept and read first; a segment whose end a crash
 * cut short or damaged is read up to its last whole record and the rest is skipped and counted
 * ({@link #corruptTails()}, {@link #skippedBytes()}). Thread-safe (every method locks the spool).
 */
public final class Spool implements AutoCloseable {
    private static final String SUFFIX = ".spool";

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Closed segments by id, with their sizes. */
    private final TreeMap<Long, Long> closed = new TreeMap<>();
    private FileChannel active;
    private long activeId;
    private long activeBytes;
    private long bytes;
    private boolean dirty;
    private long appended;
    private long refused;
    private long corruptTails;
    private long skippedBytes;

    private Spool(Path dir, long maxBytes, long segmentBytes, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens (creating it if need be) the spool in {@code dir}, with what an earlier run left there.
     *
     * @throws IOException if the folder cannot be used, or another process holds it
     */
    public static Spool open(Path dir, long maxBytes, long segmentBytes) throws IOException {
        if (maxBytes < 1 || segmentBytes < 1) {
            throw new IllegalArgumentException("spool sizes must be positive");
        }
        Files.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("spool " + dir + " is in use by another tlswatch");
        }
        Spool spool = new Spool(dir, maxBytes, segmentBytes, lockChannel, lock);
        spool.scan();
        return spool;
    }

    private void scan() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                try {
                    long id = Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
                    long size = Files.size(f);
                    closed.put(id, size);
                    bytes += size;
                } catch (NumberFormatException notOurs) {
                    // a file we did not write: leave it alone
                }
            }
        }
        activeId = closed.isEmpty() ? 0 : closed.lastKey();
    }

    /**
     * Appends a record; false (and counted) when the spool is full or the record too large.
     *
     * @throws IOException if the disk refuses the write
     */
    public synchronized boolean append(String topic, byte[] key, byte[] value) throws IOException {
        ByteBuffer record = SpoolCodec.encode(topic, key, value);
        if (record == null || bytes + record.remaining() > maxBytes) {
            refused++;
            return false;
        }
        if (active == null || activeBytes >= segmentBytes) {
            roll();
        }
        int length = record.remaining();
        while (record.hasRemaining()) {
            active.write(record);
        }
        activeBytes += length;
        bytes += length;
        appended++;
        dirty = true;
        return true;
    }

    /** Forces what was appended to disk. */
    public synchronized void sync() throws IOException {
        if (active != null && dirty) {
            active.force(false);
            dirty = false;
        }
    }

    /**
     * The oldest segment's records (closing the segment being written if it is the only one), or
     * null when the spool is empty.
     */
    public synchronized SpoolSegment oldest() throws IOException {
        if (closed.isEmpty() && active != null && activeBytes > 0) {
            closeActive();
        }
        if (closed.isEmpty()) {
            return null;
        }
        Map.Entry<Long, Long> first = closed.firstEntry();
        Path file = file(first.getKey());
        SpoolCodec.Decoded d = SpoolCodec.decode(Files.readAllBytes(file));
        if (d.corruptTail()) {
            corruptTails++;
            skippedBytes += first.getValue() - d.validBytes();
        }
        return new SpoolSegment(first.getKey(), file, d.records(), first.getValue(), d.corruptTail());
    }

    /** Deletes a segment whose records were all delivered. */
    public synchronized void complete(SpoolSegment segment) throws IOException {
        Long size = closed.remove(segment.id());
        if (size == null) {
            return;
        }
        Files.deleteIfExists(segment.file());
        bytes -= size;
    }

    /** Whether no record waits. */
    public synchronized boolean isEmpty() {
        return closed.isEmpty() && activeBytes == 0;
    }

    /** Bytes waiting on disk. */
    public synchronized long bytes() {
        return bytes;
    }

    /** Records appended by this run. */
    public synchronized long appended() {
        return appended;
    }

    /** Records refused because the spool was full (or a record too large): lost. */
    public synchronized long refused() {
        return refused;
    }

    /** Segments read whose end was damaged or cut short (a crash while writing). */
    public synchronized long corruptTails() {
        return corruptTails;
    }

    /** Bytes skipped past damaged segment ends. */
    public synchronized long skippedBytes() {
        return skippedBytes;
    }

    public Path dir() {
        return dir;
    }

    @Override
    public synchronized void close() throws IOException {
        try {
            sync();
            if (active != null) {
                closeActive();
            }
        } finally {
            lock.release();
            lockChannel.close();
        }
    }

    private void roll() throws IOException {
        if (active != null) {
            closeActive();
        }
        activeId++;
        active = FileChannel.open(file(activeId), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        activeBytes = 0;
    }

    private void closeActive() throws IOException {
        if (dirty) {
            active.force(false);
            dirty = false;
        }
        active.close();
        if (activeBytes > 0) {
            closed.put(activeId, activeBytes);
        } else {
            Files.deleteIfExists(file(activeId));
        }
        active = null;
        activeBytes = 0;
    }

    private Path file(long id) {
        return dir.resolve(String.format(Locale.ROOT, "%020d%s", id, SUFFIX));
    }
}
