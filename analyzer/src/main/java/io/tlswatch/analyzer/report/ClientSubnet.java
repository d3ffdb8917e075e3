package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.net.IpAddressText;

/**
 * The subnet a client address is counted in: its /24 for IPv4 and its /64 for IPv6, the usual
 * size of one site's or one household's allocation, so that a report can say where interception
 * concentrates without listing single hosts.
 */
public final class ClientSubnet {
    /** Prefix length of an IPv4 client's subnet. */
    public static final int IPV4_PREFIX = 24;
    /** Prefix length of an IPv6 client's subnet. */
    public static final int IPV6_PREFIX = 64;

    private ClientSubnet() {
    }

    /**
     * The subnet of an address held as two longs (IPv4-mapped for IPv4), in CIDR notation:
     * {@code 192.0.2.0/24}, {@code 2001:db8:1:2::/64}.
     */
    public static String of(long hi, long lo) {
        if (IpAddressText.isIpv4(hi, lo)) {
            return IpAddressText.format(hi, lo & ~0xffL) + "/" + IPV4_PREFIX;
        }
        return IpAddressText.format(hi, 0) + "/" + IPV6_PREFIX;
    }
}
