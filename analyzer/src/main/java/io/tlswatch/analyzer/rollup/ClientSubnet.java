package io.tlswatch.analyzer.rollup;

import io.tlswatch.analyzer.net.IpAddressText;

/**
 * The subnet a client address falls in, as CIDR text ({@code 192.0.2.0/24}, {@code 2001:db8::/48}),
 * for prefix lengths given per family. Addresses come as two longs, IPv4 as IPv4-mapped IPv6.
 */
public final class ClientSubnet {
    private final int ipv4Prefix;
    private final int ipv6Prefix;

    /**
     * @param ipv4Prefix 0 to 32 bits kept of an IPv4 address
     * @param ipv6Prefix 0 to 128 bits kept of an IPv6 address
     */
    public ClientSubnet(int ipv4Prefix, int ipv6Prefix) {
        if (ipv4Prefix < 0 || ipv4Prefix > 32 || ipv6Prefix < 0 || ipv6Prefix > 128) {
            throw new IllegalArgumentException("prefix lengths are 0-32 (IPv4) and 0-128 (IPv6)");
        }
        this.ipv4Prefix = ipv4Prefix;
        this.ipv6Prefix = ipv6Prefix;
    }

    public String of(long hi, long lo) {
        if (IpAddressText.isIpv4(hi, lo)) {
            long v4 = lo & 0xFFFF_FFFFL;
            long masked = ipv4Prefix == 0 ? 0 : v4 & (0xFFFF_FFFFL << (32 - ipv4Prefix)) & 0xFFFF_FFFFL;
            return IpAddressText.format(0, 0xFFFF_0000_0000L | masked) + "/" + ipv4Prefix;
        }
        long mh = ipv6Prefix >= 64 ? hi : ipv6Prefix == 0 ? 0 : hi & (-1L << (64 - ipv6Prefix));
        long ml = ipv6Prefix <= 64 ? 0 : ipv6Prefix == 128 ? lo : lo & (-1L << (128 - ipv6Prefix));
        return IpAddressText.format(mh, ml) + "/" + ipv6Prefix;
    }
}
