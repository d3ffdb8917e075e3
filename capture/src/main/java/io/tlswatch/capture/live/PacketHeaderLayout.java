package io.tlswatch.capture.live;

import com.sun.jna.Native;

/**
 * The bytes of libpcap's {@code struct pcap_pkthdr} as {@code pcap_next_ex} hands it out in
 * memory (pcap/pcap.h; the same fields as a pcap file's record header, but native-endian and with
 * {@code struct timeval}'s C {@code long}s, so 16 bytes of time on LP64 Linux):
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 ts.tv_sec (C long: 8 bytes on LP64)           |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |     ts.tv_usec (C long; nanoseconds on a nanosecond handle)   |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 caplen (u32: bytes captured)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                 len (u32: bytes on the wire)                  |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * Only describes bytes; {@link LiveHandle} reads them.
 */
final class PacketHeaderLayout {
    /** Bytes of a C {@code long} on this platform (the width of each {@code timeval} field). */
    static final int C_LONG = Native.LONG_SIZE;
    static final int SECONDS_OFFSET = 0;
    static final int FRACTION_OFFSET = C_LONG;
    static final int CAPTURED_LENGTH_OFFSET = 2 * C_LONG;
    static final int ORIGINAL_LENGTH_OFFSET = 2 * C_LONG + 4;
    /** The bytes up to the end of the fields read here. */
    static final int LENGTH = ORIGINAL_LENGTH_OFFSET + 4;

    private PacketHeaderLayout() {
    }
}
