package io.tlswatch.capture.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Writes a classic pcap file (see {@link PcapLayout}) with one link type, microsecond or
 * nanosecond timestamps, in either byte order. For tests and generated traffic; the caller owns and
 * closes the stream.
 */
public final class PcapWriter {
    private final OutputStream out;
    private final ByteOrder order;
    private final boolean nanos;
    private final ByteBuffer recordHeader;

    /** Writes the file header at once. */
    public PcapWriter(OutputStream out, int linkType, int snapLength, boolean nanos, ByteOrder order)
            throws IOException {
        this.out = out;
        this.order = order;
        this.nanos = nanos;
        this.recordHeader = ByteBuffer.allocate(PcapLayout.RECORD_HEADER_LENGTH).order(order);
        ByteBuffer header = ByteBuffer.allocate(PcapLayout.FILE_HEADER_LENGTH).order(order);
        header.putInt(nanos ? PcapLayout.MAGIC_NANOS : PcapLayout.MAGIC_MICROS)
                .putShort((short) PcapLayout.VERSION_MAJOR)
                .putShort((short) PcapLayout.VERSION_MINOR)
                .putInt(0)
                .putInt(0)
                .putInt(snapLength)
                .putInt(linkType);
        out.write(header.array());
    }

    /** Little-endian, microseconds, snap length 262144. */
    public PcapWriter(OutputStream out, int linkType) throws IOException {
        this(out, linkType, CaptureLimits.MAX_PACKET_LENGTH, false, ByteOrder.LITTLE_ENDIAN);
    }

    public ByteOrder order() {
        return order;
    }

    /** Writes a whole packet. */
    public void write(long timestampNanos, byte[] data) throws IOException {
        write(timestampNanos, data, 0, data.length, data.length);
    }

    /**
     * Writes {@code captured} bytes of a packet that was {@code original} bytes long on the wire;
     * the timestamp is truncated to microseconds in a microsecond file.
     */
    public void write(long timestampNanos, byte[] data, int offset, int captured, int original) throws IOException {
        long seconds = Math.floorDiv(timestampNanos, 1_000_000_000L);
        long fraction = Math.floorMod(timestampNanos, 1_000_000_000L);
        recordHeader.clear();
        recordHeader.putInt((int) seconds)
                .putInt((int) (nanos ? fraction : fraction / 1_000L))
                .putInt(captured)
                .putInt(original);
        out.write(recordHeader.array());
        out.write(data, offset, captured);
    }
}
