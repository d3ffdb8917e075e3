package io.tlswatch.capture.file;

/**
 * Byte layout of pcapng (draft-ietf-opsawg-pcapng, "PCAP Next Generation Dump File Format").
 * Offsets are from the start of a block; every block is padded to 32 bits and ends with a copy of
 * its length. Multi-byte fields are in the byte order of the section, given by the byte-order
 * magic of the Section Header Block. Offsets only; {@link PcapngFileSource} reads and
 * {@link PcapngWriter} writes.
 *
 * <pre>
 * General block structure (section 3.1):
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +---------------------------------------------------------------+
 * |                          Block Type                           |  0
 * |                      Block Total Length                       |  4
 * /                          Block Body                           /  8
 * |                      Block Total Length                       |  len - 4
 * +---------------------------------------------------------------+
 *
 * Section Header Block, type 0x0A0D0D0A (section 4.1):
 *   8 Byte-Order Magic 0x1A2B3C4D | 12 Major (1) | 14 Minor | 16 Section Length (64) | 24 options
 * Interface Description Block, type 1 (section 4.2):
 *   8 LinkType (16) | 10 Reserved | 12 SnapLen | 16 options (if_tsresol = 9, if_tsoffset = 14)
 * Enhanced Packet Block, type 6 (section 4.3):
 *   8 Interface ID | 12 Timestamp high | 16 Timestamp low | 20 Captured Length | 24 Original Length | 28 data
 * Simple Packet Block, type 3 (section 4.4): interface 0, no timestamp:
 *   8 Original Length | 12 data
 * Packet Block, type 2 (obsolete, appendix A):
 *   8 Interface ID (16) | 10 Drops Count (16) | 12 Timestamp high | 16 Timestamp low
 *   | 20 Captured Length | 24 Original Length | 28 data
 * Options (section 3.5): Option Code (16) | Option Length (16) | value padded to 32 bits; code 0 ends.
 * </pre>
 */
final class PcapngLayout {
    static final int BLOCK_TYPE_OFFSET = 0;
    static final int BLOCK_LENGTH_OFFSET = 4;
    static final int BLOCK_BODY_OFFSET = 8;
    /** Type, length and trailing length. */
    static final int MIN_BLOCK_LENGTH = 12;
    static final int TRAILER_LENGTH = 4;

    static final int SECTION_HEADER_BLOCK = 0x0a0d0d0a;
    static final int INTERFACE_DESCRIPTION_BLOCK = 1;
    static final int PACKET_BLOCK = 2;
    static final int SIMPLE_PACKET_BLOCK = 3;
    static final int ENHANCED_PACKET_BLOCK = 6;

    static final int BYTE_ORDER_MAGIC = 0x1a2b3c4d;
    static final int SHB_BYTE_ORDER_OFFSET = 8;
    static final int SHB_MAJOR_OFFSET = 12;
    static final int SHB_MINOR_OFFSET = 14;
    static final int SHB_SECTION_LENGTH_OFFSET = 16;
    static final int SHB_OPTIONS_OFFSET = 24;
    static final int SHB_MIN_LENGTH = 28;
    static final int SHB_MAJOR_VERSION = 1;

    static final int IDB_LINKTYPE_OFFSET = 8;
    static final int IDB_SNAPLEN_OFFSET = 12;
    static final int IDB_OPTIONS_OFFSET = 16;
    static final int IDB_MIN_LENGTH = 20;

    static final int EPB_INTERFACE_OFFSET = 8;
    static final int EPB_TS_HIGH_OFFSET = 12;
    static final int EPB_TS_LOW_OFFSET = 16;
    static final int EPB_CAPTURED_LENGTH_OFFSET = 20;
    static final int EPB_ORIGINAL_LENGTH_OFFSET = 24;
    static final int EPB_DATA_OFFSET = 28;
    static final int EPB_MIN_LENGTH = 32;

    static final int SPB_ORIGINAL_LENGTH_OFFSET = 8;
    static final int SPB_DATA_OFFSET = 12;
    static final int SPB_MIN_LENGTH = 16;

    static final int PB_INTERFACE_OFFSET = 8;
    static final int PB_TS_HIGH_OFFSET = 12;
    static final int PB_TS_LOW_OFFSET = 16;
    static final int PB_CAPTURED_LENGTH_OFFSET = 20;
    static final int PB_ORIGINAL_LENGTH_OFFSET = 24;
    static final int PB_DATA_OFFSET = 28;
    static final int PB_MIN_LENGTH = 32;

    static final int OPTION_HEADER_LENGTH = 4;
    static final int OPT_ENDOFOPT = 0;
    static final int IF_TSRESOL = 9;
    static final int IF_TSOFFSET = 14;

    /** if_tsresol when the option is absent: microseconds. */
    static final int DEFAULT_TSRESOL = 6;
    /** if_tsresol's top bit: the rest is a power of two, not of ten. */
    static final int TSRESOL_POWER_OF_TWO = 0x80;

    private PcapngLayout() {
    }

    /** A length rounded up to the 32-bit padding of block bodies and options. */
    static int padded(int length) {
        return (length + 3) & ~3;
    }
}
