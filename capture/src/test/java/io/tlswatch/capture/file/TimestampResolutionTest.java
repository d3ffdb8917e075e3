package io.tlswatch.capture.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** if_tsresol (draft-ietf-opsawg-pcapng 4.2): powers of ten and of two, and if_tsoffset. */
class TimestampResolutionTest {

    @Test
    void powersOfTen() {
        assertEquals(1_500_000_000L, TimestampResolution.toNanos(1_500_000L, 6, 0));
        assertEquals(1_500_000_000L, TimestampResolution.toNanos(1_500_000_000L, 9, 0));
        assertEquals(1_500_000_000L, TimestampResolution.toNanos(1_500_000_000_000L, 12, 0));
        assertEquals(3_000_000_000L, TimestampResolution.toNanos(3, 0, 0));
        assertEquals(18_446_744_073L, TimestampResolution.toNanos(-1L, 18, 0), "timestamps are unsigned 64-bit");
    }

    @Test
    void powersOfTwo() {
        long oneAndAHalfSeconds = 3L << 31; // 1.5 in units of 2^-32 s
        assertEquals(1_500_000_000L, TimestampResolution.toNanos(oneAndAHalfSeconds, 0x80 | 32, 0));
        assertEquals(2_000_000_000L, TimestampResolution.toNanos(2, 0x80, 0));
        long epochUnits = 1_700_000_000L << 20 | 1L << 19; // 1700000000.5 s in 2^-20 s units
        assertEquals(1_700_000_000_500_000_000L, TimestampResolution.toNanos(epochUnits, 0x80 | 20, 0));
    }

    @Test
    void offsetSecondsAreAdded() {
        assertEquals(3_601_000_000_000L, TimestampResolution.toNanos(1_000_000, 6, 3600));
        assertEquals(-1_000_000_000L, TimestampResolution.toNanos(0, 9, -1));
    }

    @Test
    void resolutionsFinerThanALongCanCountAreRefused() {
        assertTrue(TimestampResolution.isSupported(18));
        assertTrue(!TimestampResolution.isSupported(19));
        assertTrue(TimestampResolution.isSupported(0x80 | 63));
        assertTrue(!TimestampResolution.isSupported(0x80 | 64));
    }
}
