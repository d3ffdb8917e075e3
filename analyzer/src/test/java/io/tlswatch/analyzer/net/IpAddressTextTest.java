package io.tlswatch.analyzer.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tlswatch.testkit.Hex;
import org.junit.jupiter.api.Test;

/** IP SANs as text: RFC 5952 section 4's rules, checked on its own examples. */
class IpAddressTextTest {

    @Test
    void ipv4IsADottedQuad() {
        assertEquals("192.0.2.255", IpAddressText.format(Hex.bytes("c0 00 02 ff")));
    }

    @Test
    void leadingZerosAreDroppedAndHexIsLowerCase() {
        assertEquals("2001:db8::1", IpAddressText.format(Hex.bytes("2001 0db8 0000 0000 0000 0000 0000 0001")));
        assertEquals("2001:db8:aaaa:bbbb:cccc:dddd:eeee:1",
                IpAddressText.format(Hex.bytes("2001 0db8 aaaa bbbb cccc dddd eeee 0001")));
    }

    @Test
    void singleZeroGroupIsNotShortened() {
        assertEquals("2001:db8:0:1:1:1:1:1", IpAddressText.format(Hex.bytes("2001 0db8 0000 0001 0001 0001 0001 0001")));
    }

    @Test
    void longestRunIsShortenedAndTheFirstOfEqualRuns() {
        assertEquals("2001:0:0:1::1", IpAddressText.format(Hex.bytes("2001 0000 0000 0001 0000 0000 0000 0001")));
        assertEquals("2001:db8::1:0:0:1", IpAddressText.format(Hex.bytes("2001 0db8 0000 0000 0001 0000 0000 0001")));
    }

    @Test
    void allZeroLoopbackAndTrailingRuns() {
        assertEquals("::", IpAddressText.format(new byte[16]));
        assertEquals("::1", IpAddressText.format(Hex.bytes("0000 0000 0000 0000 0000 0000 0000 0001")));
        assertEquals("2001:db8::", IpAddressText.format(Hex.bytes("2001 0db8 0000 0000 0000 0000 0000 0000")));
    }

    @Test
    void ipv4MappedAddressEndsInDottedQuad() {
        assertEquals("::ffff:192.0.2.1", IpAddressText.format(Hex.bytes("0000 0000 0000 0000 0000 ffff c000 0201")));
    }

    @Test
    void otherLengthsAreNotAddresses() {
        assertNull(IpAddressText.format(Hex.bytes("c0 00 02 00 ff ff ff 00")));
        assertNull(IpAddressText.format(new byte[0]));
    }
}
