package io.tlswatch.capture.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A window over a capture stream: one reusable array that readers parse in place, refilled with
 * large reads, grown only when a record needs more room and never beyond a fixed bound.
 *
 * <p>Bytes before {@link #start()} are consumed; {@link #available()} bytes from there are valid.
 * A slice handed out stays valid until the next {@link #request(int)}, which may move the window.
 * A compressed stream that turns out to be damaged (a {@link ZipException} or an early end of the
 * deflate data) ends the window like an end of file and leaves the reason in {@link #damage()}:
 * damaged content is not an I/O failure.
 */
final class ReadBuffer implements AutoCloseable {
    static final int INITIAL_CAPACITY = 1 << 20;

    private final InputStream in;
    private final int maxCapacity;
    private byte[] buf;
    private int start;
    private int end;
    private long offsetOfStart;
    private boolean endOfStream;
    private String damage;

    ReadBuffer(InputStream in, int maxCapacity) {
        this.in = in;
        this.maxCapacity = maxCapacity;
        this.buf = new byte[Math.min(INITIAL_CAPACITY, maxCapacity)];
    }

    /**
     * Makes at least {@code n} bytes available from {@link #start()}.
     *
     * @return {@code false} when the stream ends first ({@link #available()} then says how many there are)
     * @throws IllegalArgumentException when {@code n} exceeds the bound (callers check lengths first)
     */
    boolean request(int n) throws IOException {
        if (end - start >= n) {
            return true;
        }
        if (n > maxCapacity || n < 0) {
            throw new IllegalArgumentException("request of " + n + " bytes exceeds the bound " + maxCapacity);
        }
        makeRoom(n);
        while (end - start < n && !endOfStream) {
            fill();
        }
        return end - start >= n;
    }

    /** Consumes {@code n} bytes that are available. */
    void consume(int n) {
        start += n;
        offsetOfStart += n;
    }

    /**
     * Consumes {@code n} bytes whether or not they are in the window, reading past them without
     * keeping them.
     *
     * @return bytes skipped, less than {@code n} only at the end of the stream
     */
    long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n) {
            if (end == start) {
                start = 0;
                end = 0;
                if (endOfStream) {
                    break;
                }
                fill();
                continue;
            }
            int step = (int) Math.min(n - skipped, end - start);
            consume(step);
            skipped += step;
        }
        return skipped;
    }

    byte[] array() {
        return buf;
    }

    int start() {
        return start;
    }

    int available() {
        return end - start;
    }

    /** Offset in the (uncompressed) stream of the byte at {@link #start()}. */
    long offset() {
        return offsetOfStart;
    }

    /** Why a compressed stream stopped early, or {@code null}. */
    String damage() {
        return damage;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void makeRoom(int n) {
        if (buf.length - start >= n) {
            return;
        }
        byte[] target = buf;
        if (buf.length < n) {
            target = new byte[(int) Math.min(maxCapacity, Math.max(n, 2L * buf.length))];
        }
        System.arraycopy(buf, start, target, 0, end - start);
        end -= start;
        start = 0;
        buf = target;
    }

    private void fill() throws IOException {
        int read;
        try {
            read = in.read(buf, end, buf.length - end);
        } catch (ZipException | EOFException e) {
            damage = "compressed data is damaged (" + e.getMessage() + ")";
            read = -1;
        }
        if (read < 0) {
            endOfStream = true;
        } else {
            end += read;
        }
    }
}
