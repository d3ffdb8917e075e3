package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.PcapngLayout.BLOCK_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.BLOCK_BODY_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.BYTE_ORDER_MAGIC;
import static io.tlswatch.capture.file.PcapngLayout.ENHANCED_PACKET_BLOCK;
import static io.tlswatch.capture.file.PcapngLayout.EPB_CAPTURED_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.EPB_DATA_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.EPB_INTERFACE_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.EPB_MIN_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.EPB_ORIGINAL_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.EPB_TS_HIGH_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.EPB_TS_LOW_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.INTERFACE_DESCRIPTION_BLOCK;
import static io.tlswatch.capture.file.PcapngLayout.MIN_BLOCK_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.PACKET_BLOCK;
import static io.tlswatch.capture.file.PcapngLayout.PB_INTERFACE_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.PB_MIN_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.SECTION_HEADER_BLOCK;
import static io.tlswatch.capture.file.PcapngLayout.SHB_BYTE_ORDER_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.SHB_MAJOR_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.SHB_MAJOR_VERSION;
import static io.tlswatch.capture.file.PcapngLayout.SHB_MINOR_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.SHB_MIN_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.SIMPLE_PACKET_BLOCK;
import static io.tlswatch.capture.file.PcapngLayout.SPB_DATA_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.SPB_MIN_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.SPB_ORIGINAL_LENGTH_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.TRAILER_LENGTH;

import io.tlswatch.capture.Bytes;
import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.PacketRecord;
import java.io.IOException;

/**
 * Reads a pcapng file (see {@link PcapngLayout}): any number of sections, each in its own byte
 * order and with its own interfaces; Enhanced, Simple and obsolete Packet Blocks; every other block
 * type (name resolution, statistics, decryption secrets, custom) skipped by its length.
 *
 * <p>Each packet carries the link type of its interface and an interface index unique within the
 * file (interfaces numbered in the order their descriptions appear, across sections). A Simple
 * Packet Block has no timestamp; it gets the timestamp of the packet before it (0 for the first).
 *
 * <p>A block length that is not a multiple of 4, below 12 or above
 * {@link CaptureLimits#MAX_BLOCK_LENGTH}, a trailing length that differs from the leading one, a
 * packet on an undescribed interface, a captured length past its block or above
 * {@link CaptureLimits#MAX_PACKET_LENGTH}, and a file that ends inside a block stop the source with
 * {@link #error()}, after every packet before them was delivered.
 */
public final class PcapngFileSource extends CaptureFileSource {
    private final InterfaceTable interfaces = new InterfaceTable();
    private boolean bigEndian;
    private long lastTimestampNanos;

    PcapngFileSource(CaptureInput input) throws IOException {
        super(input);
        if (!in.request(SHB_BYTE_ORDER_OFFSET + 4)) {
            throw new CaptureFormatException(input.name() + ": pcapng section header is cut short ("
                    + in.available() + " bytes)");
        }
        if (Bytes.i32(in.array(), in.start()) != SECTION_HEADER_BLOCK || !readByteOrder()) {
            throw new CaptureFormatException(input.name() + ": not a pcapng file (no section header with a byte-order magic)");
        }
    }

    @Override
    public boolean next(PacketRecord into) throws IOException {
        while (!stopped()) {
            if (!in.request(BLOCK_BODY_OFFSET)) {
                return endOrTruncated("a block header", BLOCK_BODY_OFFSET);
            }
            int type = Bytes.i32(in.array(), in.start());
            if (type == SECTION_HEADER_BLOCK) {
                if (!in.request(SHB_BYTE_ORDER_OFFSET + 4)) {
                    return endOrTruncated("a section header block", SHB_BYTE_ORDER_OFFSET + 4);
                }
                if (!readByteOrder()) {
                    return damaged("section header block", "its byte-order magic is "
                            + Bytes.hexPrefix(in.array(), in.start() + SHB_BYTE_ORDER_OFFSET, 4));
                }
            } else {
                type = Bytes.i32(in.array(), in.start(), bigEndian);
            }
            long length = Bytes.u32(in.array(), in.start() + BLOCK_LENGTH_OFFSET, bigEndian);
            String lengthProblem = lengthProblem(type, length);
            if (lengthProblem != null) {
                return damaged("block of type " + typeName(type), lengthProblem);
            }
            if (!isRead(type)) {
                if (!skipBlock(type, (int) length)) {
                    return false;
                }
                continue;
            }
            if (!loadBlock(type, (int) length)) {
                return false;
            }
            if (readBlock(type, (int) length, into)) {
                return true;
            }
        }
        return false;
    }

    /** Handles a loaded block: true when it delivered a packet into {@code into}. */
    private boolean readBlock(int type, int length, PacketRecord into) {
        byte[] b = in.array();
        int at = in.start();
        switch (type) {
            case SECTION_HEADER_BLOCK:
                startSection(b, at);
                break;
            case INTERFACE_DESCRIPTION_BLOCK:
                describeInterface(b, at, length);
                break;
            case ENHANCED_PACKET_BLOCK:
                return packet(b, at, length, Bytes.i32(b, at + EPB_INTERFACE_OFFSET, bigEndian), into);
            case PACKET_BLOCK:
                return packet(b, at, length, Bytes.u16(b, at + PB_INTERFACE_OFFSET, bigEndian), into);
            case SIMPLE_PACKET_BLOCK:
                return simplePacket(b, at, length, into);
            default:
                throw new IllegalStateException("block type " + type + " is not read");
        }
        if (!stopped()) {
            in.consume(length);
        }
        return false;
    }

    private boolean readByteOrder() {
        int at = in.start() + SHB_BYTE_ORDER_OFFSET;
        if (Bytes.i32(in.array(), at) == BYTE_ORDER_MAGIC) {
            bigEndian = true;
            return true;
        }
        if (Bytes.i32le(in.array(), at) == BYTE_ORDER_MAGIC) {
            bigEndian = false;
            return true;
        }
        return false;
    }

    private void startSection(byte[] b, int at) {
        int major = Bytes.u16(b, at + SHB_MAJOR_OFFSET, bigEndian);
        if (major != SHB_MAJOR_VERSION) {
            damaged("section header block", "version " + major + "."
                    + Bytes.u16(b, at + SHB_MINOR_OFFSET, bigEndian) + " is not supported");
            return;
        }
        interfaces.newSection();
    }

    private void describeInterface(byte[] b, int at, int length) {
        InterfaceDescription idb = InterfaceDescription.parse(b, at, length, bigEndian);
        if (idb.problem() != null) {
            damaged("interface description block", idb.problem());
        } else if (!interfaces.add(idb.linkType(), idb.snapLength(), idb.tsresol(), idb.tsoffset())) {
            damaged("interface description block", "the section describes more than "
                    + CaptureLimits.MAX_INTERFACES + " interfaces");
        }
    }

    /** An Enhanced Packet Block or an obsolete Packet Block: the two share their layout past the interface id. */
    private boolean packet(byte[] b, int at, int length, int interfaceId, PacketRecord into) {
        if (interfaceId < 0 || interfaceId >= interfaces.count()) {
            return damaged("packet block", "interface " + Integer.toUnsignedLong(interfaceId)
                    + " is not described (the section has " + interfaces.count() + ")");
        }
        long captured = Bytes.u32(b, at + EPB_CAPTURED_LENGTH_OFFSET, bigEndian);
        if (captured > length - EPB_MIN_LENGTH) {
            return damaged("packet block", "captured length " + captured + " runs past the block length " + length);
        }
        if (captured > CaptureLimits.MAX_PACKET_LENGTH) {
            return damaged("packet block", "captured length " + captured + " exceeds the maximum of "
                    + CaptureLimits.MAX_PACKET_LENGTH);
        }
        long units = Bytes.u32(b, at + EPB_TS_HIGH_OFFSET, bigEndian) << 32
                | Bytes.u32(b, at + EPB_TS_LOW_OFFSET, bigEndian);
        lastTimestampNanos = interfaces.toNanos(interfaceId, units);
        deliver(into, b, at + EPB_DATA_OFFSET, (int) captured,
                Bytes.u32(b, at + EPB_ORIGINAL_LENGTH_OFFSET, bigEndian), interfaceId, length);
        return true;
    }

    private boolean simplePacket(byte[] b, int at, int length, PacketRecord into) {
        if (interfaces.count() == 0) {
            return damaged("simple packet block", "no interface is described before it");
        }
        long original = Bytes.u32(b, at + SPB_ORIGINAL_LENGTH_OFFSET, bigEndian);
        long captured = Math.min(original, length - SPB_MIN_LENGTH);
        int snap = interfaces.snapLength(0);
        if (snap > 0) {
            captured = Math.min(captured, snap);
        }
        if (captured > CaptureLimits.MAX_PACKET_LENGTH) {
            return damaged("simple packet block", "captured length " + captured + " exceeds the maximum of "
                    + CaptureLimits.MAX_PACKET_LENGTH);
        }
        deliver(into, b, at + SPB_DATA_OFFSET, (int) captured, original, 0, length);
        return true;
    }

    private void deliver(PacketRecord into, byte[] b, int dataAt, int captured, long original,
                         int interfaceId, int blockLength) {
        into.set(b, dataAt, captured, (int) Math.min(Integer.MAX_VALUE, original), lastTimestampNanos,
                interfaces.linkType(interfaceId), interfaces.globalIndex(interfaceId));
        in.consume(blockLength);
    }

    private boolean loadBlock(int type, int length) throws IOException {
        if (!in.request(length)) {
            return endOrTruncated("a block of type " + typeName(type), length);
        }
        long trailer = Bytes.u32(in.array(), in.start() + length - TRAILER_LENGTH, bigEndian);
        if (trailer != length) {
            return damaged("block of type " + typeName(type), "trailing length " + trailer
                    + " differs from the leading length " + length);
        }
        return true;
    }

    /** Skips a block this reader has no use for, checking its trailing length. */
    private boolean skipBlock(int type, int length) throws IOException {
        long blockStart = in.offset();
        long skipped = in.skip(length - TRAILER_LENGTH);
        if (skipped < length - TRAILER_LENGTH || !in.request(TRAILER_LENGTH)) {
            return stop("file ends inside a block of type " + typeName(type) + " at byte " + blockStart
                    + ": " + (skipped + in.available()) + " of " + length + " bytes present");
        }
        long trailer = Bytes.u32(in.array(), in.start(), bigEndian);
        if (trailer != length) {
            return stop("damaged block of type " + typeName(type) + " at byte " + blockStart + ": trailing length "
                    + trailer + " differs from the leading length " + length);
        }
        in.consume(TRAILER_LENGTH);
        return true;
    }

    private boolean damaged(String what, String why) {
        return stop("damaged " + what + " at byte " + in.offset() + ": " + why);
    }

    private static boolean isRead(int type) {
        return type == SECTION_HEADER_BLOCK || type == INTERFACE_DESCRIPTION_BLOCK
                || type == ENHANCED_PACKET_BLOCK || type == SIMPLE_PACKET_BLOCK || type == PACKET_BLOCK;
    }

    private static String lengthProblem(int type, long length) {
        if (length % 4 != 0) {
            return "block length " + length + " is not a multiple of 4";
        }
        if (length > CaptureLimits.MAX_BLOCK_LENGTH) {
            return "block length " + length + " exceeds the maximum of " + CaptureLimits.MAX_BLOCK_LENGTH;
        }
        int minimum = minimumLength(type);
        if (length < minimum) {
            return "block length " + length + " is below the minimum of " + minimum;
        }
        return null;
    }

    private static int minimumLength(int type) {
        switch (type) {
            case SECTION_HEADER_BLOCK: return SHB_MIN_LENGTH;
            case INTERFACE_DESCRIPTION_BLOCK: return PcapngLayout.IDB_MIN_LENGTH;
            case ENHANCED_PACKET_BLOCK: return EPB_MIN_LENGTH;
            case PACKET_BLOCK: return PB_MIN_LENGTH;
            case SIMPLE_PACKET_BLOCK: return SPB_MIN_LENGTH;
            default: return MIN_BLOCK_LENGTH;
        }
    }

    private static String typeName(int type) {
        return String.format("0x%08x", type);
    }
}
