package io.tlswatch.analyzer.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Community ID v1 against the values Suricata writes for the same connections
 * (OISF/suricata-verify tests community-id-ipv4 and community-id-ipv6, MIT licence), whose
 * configuration sets the seed to 7.
 */
class CommunityIdTest {
    private final CommunityId communityId = new CommunityId(7);

    @Test
    void ipv4ConnectionMatchesSuricata() {
        long client = ipv4(172, 26, 0, 39);
        long server = ipv4(172, 217, 14, 206);
        assertEquals("1:IwiTNfuO7aCaamMijl+7/X9uLx0=", communityId.of(0, client, 35958, 0, server, 443, 6));
    }

    @Test
    void ipv6ConnectionMatchesSuricata() {
        String id = communityId.of(0x2600_1f13_00f8_d400L, 0x03a6_303c_e011_18ebL, 60202,
                0x2607_f8b0_400a_0800L, 0x0000_0000_0000_200eL, 443, 6);
        assertEquals("1:ptJhMvufAbB5nLDNW77cB800wFM=", id);
    }

    @Test
    void bothDirectionsGiveTheSameId() {
        long a = ipv4(10, 0, 0, 1);
        long b = ipv4(10, 0, 0, 2);
        assertEquals(communityId.of(0, a, 1234, 0, b, 443, 6), communityId.of(0, b, 443, 0, a, 1234, 6));
    }

    @Test
    void flowEndpointsPrintIpv4MappedAddressesAsDottedQuads() {
        assertEquals("172.26.0.39", IpAddressText.format(0, ipv4(172, 26, 0, 39)));
        assertEquals("2607:f8b0:400a:800::200e", IpAddressText.format(0x2607_f8b0_400a_0800L, 0x200eL));
    }

    private static long ipv4(int a, int b, int c, int d) {
        return 0xffff_0000_0000L | (long) a << 24 | b << 16 | c << 8 | d;
    }
}
