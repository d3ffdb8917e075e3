package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** libpcap's 32-bit counters become 64-bit totals across a wrap. */
class WrappingCounterTest {
    @Test
    void totalsGrowAcrossThe32BitWrap() {
        WrappingCounter c = new WrappingCounter();
        assertEquals(10, c.update(10));
        assertEquals(0xFFFF_FFF0L, c.update(0xFFFF_FFF0L));
        // the kernel counter wrapped: 0xFFFFFFF0 -> 0x20 is 0x30 more packets
        assertEquals(0x1_0000_0020L, c.update(0x20));
        assertEquals(0x1_0000_0020L, c.update(0x20));
    }

    @Test
    void readingsAsSignedIntsAreTakenUnsigned() {
        WrappingCounter c = new WrappingCounter();
        assertEquals(0x8000_0000L, c.update(Integer.MIN_VALUE));
        assertEquals(0x8000_0001L, c.update(Integer.MIN_VALUE + 1));
    }
}
