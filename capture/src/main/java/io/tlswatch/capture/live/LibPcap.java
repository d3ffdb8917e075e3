package io.tlswatch.capture.live;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;

/**
 * The few libpcap calls of the per-packet path, bound with JNA's direct mapping (a JNI call per
 * packet, no objects): pcap4j's {@code getNextRawPacket} builds a byte array, a timestamp and
 * thread-locals per packet. Everything else (opening, filters, statistics) goes through pcap4j.
 * The library is the one pcap4j loads ({@code org.pcap4j.core.pcapLibName}, default "pcap").
 */
final class LibPcap {
    /** {@code pcap_next_ex}: a packet was read. */
    static final int PACKET = 1;
    /** {@code pcap_next_ex}: no packet yet (a non-blocking handle, or the timeout passed). */
    static final int NONE = 0;
    /** {@code pcap_next_ex}: an error (the interface went down); {@code pcap_geterr} says which. */
    static final int ERROR = -1;
    /** {@code pcap_next_ex}: the end of a capture file, or {@code pcap_breakloop} was called. */
    static final int BREAK = -2;

    static {
        Native.register(LibPcap.class,
                NativeLibrary.getInstance(System.getProperty("org.pcap4j.core.pcapLibName", "pcap")));
    }

    private LibPcap() {
    }

    /** pcap_next_ex(3PCAP): stores pointers to the header and the bytes into the two out-cells. */
    static native int pcap_next_ex(Pointer pcap, Pointer headerOut, Pointer dataOut);

    /** pcap_get_selectable_fd(3PCAP): a descriptor poll(2) can wait on, or -1. */
    static native int pcap_get_selectable_fd(Pointer pcap);

    /** pcap_breakloop(3PCAP): a blocked read returns {@link #BREAK}; safe from another thread. */
    static native void pcap_breakloop(Pointer pcap);
}
