package io.tlswatch.capture.file;

/**
 * Byte layout of a classic pcap file (draft-ietf-opsawg-pcap, "PCAP Capture File Format",
 * sections 4 and 5). Offsets only; {@link PcapFileSource} reads and {@link PcapWriter} writes.
 *
 * <pre>
 * File header (24 bytes), in the byte order its magic number reveals:
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                    Magic Number (a1b2c3d4 or a1b23c4d)        |  0
 * |      Major Version (2)        |      Minor Version (4)        |  4
 * |                    Reserved1 (thiszone)                       |  8
 * |                    Reserved2 (sigfigs)                        | 12
 * |                    SnapLen                                    | 16
 * | FCS |f|0 0 0 0 0 0 0 0 0 0 0 0|         LinkType              | 20
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *
 * Packet record (16-byte header, then Captured Packet Length bytes of data, no padding):
 * |                    Timestamp (seconds)                        |  0
 * |                    Timestamp (microseconds or nanoseconds)    |  4
 * |                    Captured Packet Length                     |  8
 * |                    Original Packet Length                     | 12
 * </pre>
 */
final class PcapLayout {
    /** Microsecond timestamps, as written by the host that wrote the file. */
    static final int MAGIC_MICROS = 0xa1b2c3d4;
    /** Nanosecond timestamps. */
    static final int MAGIC_NANOS = 0xa1b23c4d;

    static final int FILE_HEADER_LENGTH = 24;
    static final int MAGIC_OFFSET = 0;
    static final int VERSION_MAJOR_OFFSET = 4;
    static final int VERSION_MINOR_OFFSET = 6;
    static final int SNAPLEN_OFFSET = 16;
    static final int LINKTYPE_OFFSET = 20;

    static final int VERSION_MAJOR = 2;
    static final int VERSION_MINOR = 4;

    /** The link type proper: the low 16 bits of the LinkType field. */
    static final int LINKTYPE_MASK = 0xffff;
    /** The "f" bit: the top four bits give the length of an FCS at the end of every packet. */
    static final int FCS_PRESENT_BIT = 0x04000000;

    static final int RECORD_HEADER_LENGTH = 16;
    static final int TS_SECONDS_OFFSET = 0;
    static final int TS_FRACTION_OFFSET = 4;
    static final int CAPTURED_LENGTH_OFFSET = 8;
    static final int ORIGINAL_LENGTH_OFFSET = 12;

    private PcapLayout() {
    }
}
