package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.session.FlowEndpoints;
import org.junit.jupiter.api.Test;

class ClientSubnetTest {

    @Test
    void ipv4ClientsAreCountedInTheirSlash24() {
        FlowEndpoints e = Sessions.ipv4(192, 0, 2, 77);
        assertEquals("192.0.2.0/24", ClientSubnet.of(e.clientHi(), e.clientLo()));
        FlowEndpoints last = Sessions.ipv4(203, 0, 113, 255);
        assertEquals("203.0.113.0/24", ClientSubnet.of(last.clientHi(), last.clientLo()));
    }

    @Test
    void ipv6ClientsAreCountedInTheirSlash64() {
        FlowEndpoints e = Sessions.ipv6(0x0001_0002, 0x0211_22ff_fe33_4455L);
        assertEquals("2001:db8:1:2::/64", ClientSubnet.of(e.clientHi(), e.clientLo()));
    }

    @Test
    void twoHostsOfOneSubnetShareItAndNeighboursDoNot() {
        FlowEndpoints a = Sessions.ipv4(198, 51, 100, 1);
        FlowEndpoints b = Sessions.ipv4(198, 51, 100, 254);
        FlowEndpoints c = Sessions.ipv4(198, 51, 101, 1);
        assertEquals(ClientSubnet.of(a.clientHi(), a.clientLo()), ClientSubnet.of(b.clientHi(), b.clientLo()));
        assertEquals("198.51.101.0/24", ClientSubnet.of(c.clientHi(), c.clientLo()));
    }
}
