package io.tlswatch.capture;

import java.io.IOException;

/**
 * Where packets come from: a capture file today, a live interface later.
 *
 * <p>A source is read by one thread. {@link #next(PacketRecord)} reuses its buffers, so a
 * steady-state read allocates nothing. Damaged input never throws out of {@code next}: the
 * source stops, returns {@code false}, and {@link #error()} says why, after every packet that
 * could be read was delivered.
 */
public interface PacketSource extends AutoCloseable {

    /**
     * Fills {@code into} with the next packet.
     *
     * @return {@code false} at the end of the source, or when damage stops it (see {@link #error()})
     * @throws IOException only when the underlying I/O fails (not for malformed content)
     */
    boolean next(PacketRecord into) throws IOException;

    /** A name for messages and records: the file path or the interface name. */
    String name();

    /** Why the source stopped before its natural end, or {@code null} if it did not. */
    String error();

    /** Bytes consumed so far from the underlying file or device (compressed bytes for gzip). */
    long position();

    /** Total bytes if known (a file's size), or -1 (a live interface). For progress only. */
    long size();

    @Override
    void close() throws IOException;
}
