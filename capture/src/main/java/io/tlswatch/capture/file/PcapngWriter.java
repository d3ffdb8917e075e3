package io.tlswatch.capture.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Writes one pcapng section (see {@link PcapngLayout}): a Section Header Block, Interface
 * Description Blocks with their link types and timestamp resolutions, and Enhanced or Simple Packet
 * Blocks. Several writers may write one after another to the same stream to make a file of several
 * sections. For tests and generated traffic; the caller owns and closes the stream.
 */
public final class PcapngWriter {
    /** if_tsresol for microseconds (the pcapng default). */
    public static final int MICROSECONDS = 6;
    /** if_tsresol for nanoseconds. */
    public static final int NANOSECONDS = 9;

    private final OutputStream out;
    private final ByteOrder order;
    private int[] tsresols = new int[0];

    /** Writes the Section Header Block at once. */
    public PcapngWriter(OutputStream out, ByteOrder order) throws IOException {
        this.out = out;
        this.order = order;
        ByteBuffer body = body(16);
        body.putInt(PcapngLayout.BYTE_ORDER_MAGIC).putShort((short) 1).putShort((short) 0).putLong(-1L);
        writeBlock(PcapngLayout.SECTION_HEADER_BLOCK, body);
    }

    /**
     * Describes an interface; returns its id for {@link #writePacket}.
     *
     * @param tsresol the if_tsresol byte: a power of ten ({@link #MICROSECONDS}, {@link #NANOSECONDS}),
     *        or {@code 0x80 | k} for units of 2^-k seconds
     * @param tsoffsetSeconds if_tsoffset, written when not 0
     * @throws IllegalArgumentException for resolutions this writer cannot convert to (finer than 10^-18 or 2^-30)
     */
    public int addInterface(int linkType, int snapLength, int tsresol, long tsoffsetSeconds) throws IOException {
        int exponent = tsresol & 0x7f;
        boolean binary = (tsresol & PcapngLayout.TSRESOL_POWER_OF_TWO) != 0;
        if (binary ? exponent > 30 : exponent > 18) {
            throw new IllegalArgumentException("if_tsresol " + tsresol + " is finer than the writer supports");
        }
        ByteBuffer body = body(8 + 8 + (tsoffsetSeconds != 0 ? 12 : 0) + 4);
        body.putShort((short) linkType).putShort((short) 0).putInt(snapLength);
        body.putShort((short) PcapngLayout.IF_TSRESOL).putShort((short) 1).put((byte) tsresol).put(new byte[3]);
        if (tsoffsetSeconds != 0) {
            body.putShort((short) PcapngLayout.IF_TSOFFSET).putShort((short) 8).putLong(tsoffsetSeconds);
        }
        body.putInt(PcapngLayout.OPT_ENDOFOPT);
        writeBlock(PcapngLayout.INTERFACE_DESCRIPTION_BLOCK, body);
        int[] grown = Arrays.copyOf(tsresols, tsresols.length + 1);
        grown[tsresols.length] = tsresol;
        tsresols = grown;
        return tsresols.length - 1;
    }

    public int addInterface(int linkType, int tsresol) throws IOException {
        return addInterface(linkType, CaptureLimits.MAX_PACKET_LENGTH, tsresol, 0);
    }

    /** Writes an Enhanced Packet Block; the timestamp is expressed in the interface's units (truncated). */
    public void writePacket(int interfaceId, long timestampNanos, byte[] data) throws IOException {
        long units = toUnits(timestampNanos, tsresols[interfaceId]);
        ByteBuffer body = body(20 + PcapngLayout.padded(data.length));
        body.putInt(interfaceId).putInt((int) (units >>> 32)).putInt((int) units)
                .putInt(data.length).putInt(data.length).put(data);
        writeBlock(PcapngLayout.ENHANCED_PACKET_BLOCK, body);
    }

    /** Writes a Simple Packet Block (interface 0, no timestamp). */
    public void writeSimplePacket(byte[] data) throws IOException {
        ByteBuffer body = body(4 + PcapngLayout.padded(data.length));
        body.putInt(data.length).put(data);
        writeBlock(PcapngLayout.SIMPLE_PACKET_BLOCK, body);
    }

    /** Writes a block of any type with the given body (padded to 32 bits), e.g. one a reader must skip. */
    public void writeBlock(int type, byte[] content) throws IOException {
        ByteBuffer body = body(PcapngLayout.padded(content.length));
        body.put(content);
        writeBlock(type, body);
    }

    private ByteBuffer body(int length) {
        return ByteBuffer.allocate(length).order(order);
    }

    private void writeBlock(int type, ByteBuffer body) throws IOException {
        int total = body.capacity() + PcapngLayout.MIN_BLOCK_LENGTH;
        ByteBuffer block = ByteBuffer.allocate(total).order(order);
        block.putInt(type).putInt(total).put(body.array()).putInt(total);
        out.write(block.array());
    }

    private static long toUnits(long nanos, int tsresol) {
        int exponent = tsresol & 0x7f;
        if ((tsresol & PcapngLayout.TSRESOL_POWER_OF_TWO) != 0) {
            long seconds = Math.floorDiv(nanos, 1_000_000_000L);
            long fraction = Math.floorMod(nanos, 1_000_000_000L);
            return (seconds << exponent) + (fraction << exponent) / 1_000_000_000L;
        }
        long scale = 1;
        for (int i = exponent; i < 9; i++) {
            scale *= 10;
        }
        long finer = 1;
        for (int i = 9; i < exponent; i++) {
            finer *= 10;
        }
        return nanos / scale * finer;
    }
}
