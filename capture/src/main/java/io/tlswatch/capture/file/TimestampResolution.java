package io.tlswatch.capture.file;

/**
 * Converts pcapng timestamps to nanoseconds since the epoch for one interface: the units are
 * given by if_tsresol (a power of ten or, with the top bit set, a power of two, per
 * draft-ietf-opsawg-pcapng section 4.2) and shifted by if_tsoffset seconds.
 */
final class TimestampResolution {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private TimestampResolution() {
    }

    /** Whether this if_tsresol value can be converted (10^-0..10^-18 or 2^-0..2^-63). */
    static boolean isSupported(int tsresol) {
        int exponent = tsresol & 0x7f;
        return (tsresol & PcapngLayout.TSRESOL_POWER_OF_TWO) != 0 ? exponent <= 63 : exponent <= 18;
    }

    /** A timestamp in if_tsresol units (unsigned 64 bits), plus offset seconds, as epoch nanoseconds. */
    static long toNanos(long units, int tsresol, long offsetSeconds) {
        return unitsToNanos(units, tsresol) + offsetSeconds * NANOS_PER_SECOND;
    }

    private static long unitsToNanos(long units, int tsresol) {
        int exponent = tsresol & 0x7f;
        if ((tsresol & PcapngLayout.TSRESOL_POWER_OF_TWO) != 0) {
            return binaryToNanos(units, exponent);
        }
        if (exponent <= 9) {
            return units * POWERS_OF_TEN[9 - exponent];
        }
        return Long.divideUnsigned(units, POWERS_OF_TEN[exponent - 9]);
    }

    /** units * 10^9 / 2^k with a 128-bit intermediate product. */
    private static long binaryToNanos(long units, int k) {
        if (k == 0) {
            return units * NANOS_PER_SECOND;
        }
        long high = Math.multiplyHigh(units, NANOS_PER_SECOND) + ((units >> 63) & NANOS_PER_SECOND);
        long low = units * NANOS_PER_SECOND;
        return (high << (64 - k)) | (low >>> k);
    }
}
