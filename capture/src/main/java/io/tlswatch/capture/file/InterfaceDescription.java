package io.tlswatch.capture.file;

import static io.tlswatch.capture.file.PcapngLayout.IDB_LINKTYPE_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.IDB_OPTIONS_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.IDB_SNAPLEN_OFFSET;
import static io.tlswatch.capture.file.PcapngLayout.IF_TSOFFSET;
import static io.tlswatch.capture.file.PcapngLayout.IF_TSRESOL;
import static io.tlswatch.capture.file.PcapngLayout.OPTION_HEADER_LENGTH;
import static io.tlswatch.capture.file.PcapngLayout.OPT_ENDOFOPT;
import static io.tlswatch.capture.file.PcapngLayout.TRAILER_LENGTH;

import io.tlswatch.capture.Bytes;

/**
 * What an Interface Description Block says (draft-ietf-opsawg-pcapng section 4.2): link type, snap
 * length, and the if_tsresol and if_tsoffset options; or, in {@code problem}, why it cannot be used.
 * Made once per interface, not per packet.
 */
record InterfaceDescription(int linkType, int snapLength, int tsresol, long tsoffset, String problem) {

    static InterfaceDescription parse(byte[] b, int at, int blockLength, boolean bigEndian) {
        int linkType = Bytes.u16(b, at + IDB_LINKTYPE_OFFSET, bigEndian);
        int snapLength = (int) Math.min(Integer.MAX_VALUE, Bytes.u32(b, at + IDB_SNAPLEN_OFFSET, bigEndian));
        int tsresol = PcapngLayout.DEFAULT_TSRESOL;
        long tsoffset = 0;
        int end = at + blockLength - TRAILER_LENGTH;
        int p = at + IDB_OPTIONS_OFFSET;
        while (p + OPTION_HEADER_LENGTH <= end) {
            int code = Bytes.u16(b, p, bigEndian);
            int length = Bytes.u16(b, p + 2, bigEndian);
            if (code == OPT_ENDOFOPT) {
                break;
            }
            int value = p + OPTION_HEADER_LENGTH;
            if (value + (long) length > end) {
                return failed("option " + code + " of length " + length + " runs past the block");
            }
            if (code == IF_TSRESOL && length >= 1) {
                tsresol = Bytes.u8(b, value);
            } else if (code == IF_TSOFFSET && length >= 8) {
                tsoffset = Bytes.i64(b, value, bigEndian);
            }
            p = value + PcapngLayout.padded(length);
        }
        if (!TimestampResolution.isSupported(tsresol)) {
            return failed("if_tsresol " + tsresol + " is finer than the reader supports");
        }
        return new InterfaceDescription(linkType, snapLength, tsresol, tsoffset, null);
    }

    private static InterfaceDescription failed(String problem) {
        return new InterfaceDescription(0, 0, 0, 0, problem);
    }
}
