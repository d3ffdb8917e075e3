package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.PcapLayout.FCS_PRESENT_BIT;
import static io.tlswatch.capture.file.PcapLayout.LINKTYPE_MASK;
import static io.tlswatch.capture.file.PcapLayout.LINKTYPE_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.MAGIC_MICROS;
import static io.tlswatch.capture.file.PcapLayout.MAGIC_NANOS;
import static io.tlswatch.capture.file.PcapLayout.SNAPLEN_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.VERSION_MAJOR;
import static io.tlswatch.capture.file.PcapLayout.VERSION_MAJOR_OFFSET;
import static io.tlswatch.capture.file.PcapLayout.VERSION_MINOR_OFFSET;

import io.tlswatch.capture.Bytes;
import io.tlswatch.capture.CaptureFormatException;

/** The parsed pcap file header: byte order, timestamp unit, link type, snap length, FCS length. */
record PcapHeader(boolean bigEndian, boolean nanos, int linkType, int snapLength, int fcsLength) {

    /** Whether four bytes start a pcap file, in either byte order and either timestamp unit. */
    static boolean isPcapMagic(byte[] b, int at) {
        int be = Bytes.i32(b, at);
        int le = Bytes.i32le(b, at);
        return be == MAGIC_MICROS || be == MAGIC_NANOS || le == MAGIC_MICROS || le == MAGIC_NANOS;
    }

    static PcapHeader parse(String name, byte[] b, int at) throws CaptureFormatException {
        int magic = Bytes.i32(b, at);
        boolean bigEndian = magic == MAGIC_MICROS || magic == MAGIC_NANOS;
        if (!bigEndian) {
            magic = Bytes.i32le(b, at);
            if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
                throw new CaptureFormatException(name + ": not a pcap file (starts with "
                        + Bytes.hexPrefix(b, at, 4) + ")");
            }
        }
        int major = Bytes.u16(b, at + VERSION_MAJOR_OFFSET, bigEndian);
        int minor = Bytes.u16(b, at + VERSION_MINOR_OFFSET, bigEndian);
        if (major != VERSION_MAJOR) {
            throw new CaptureFormatException(name + ": unsupported pcap version " + major + "." + minor);
        }
        int linkField = Bytes.i32(b, at + LINKTYPE_OFFSET, bigEndian);
        int fcsLength = (linkField & FCS_PRESENT_BIT) != 0 ? 2 * (linkField >>> 28) : 0;
        long snap = Bytes.u32(b, at + SNAPLEN_OFFSET, bigEndian);
        return new PcapHeader(bigEndian, magic == MAGIC_NANOS, linkField & LINKTYPE_MASK,
                (int) Math.min(Integer.MAX_VALUE, snap), fcsLength);
    }
}
