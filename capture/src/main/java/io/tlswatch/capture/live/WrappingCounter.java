package io.tlswatch.capture.live;

/**
 * A 64-bit total kept from a 32-bit counter that wraps: libpcap's {@code struct pcap_stat}
 * fields are {@code u_int}, which a monitor running for months on a busy tap passes. Each reading
 * adds the unsigned difference to the last one, so a wrap between two readings is counted right
 * (two wraps between readings cannot be told apart: read more often than 2^32 packets).
 */
final class WrappingCounter {
    private long last;
    private long total;

    /** Takes a new reading of the 32-bit counter (its low 32 bits) and returns the total. */
    long update(long reading) {
        long unsigned = reading & 0xFFFF_FFFFL;
        total += (unsigned - last) & 0xFFFF_FFFFL;
        last = unsigned;
        return total;
    }

    long total() {
        return total;
    }
}
