package io.tlswatch.analyzer.net;

/**
 * IP addresses as text (flow endpoints, iPAddress general names in certificates), without touching the resolver: IPv4 dotted
 * quad, IPv6 in RFC 5952's canonical form (lowercase, no leading zeros, the first longest run of two
 * or more zero groups as "::", IPv4-mapped addresses as {@code ::ffff:192.0.2.1}).
 */
public final class IpAddressText {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int GROUPS = 8;

    private IpAddressText() {
    }

    /**
     * A flow endpoint held as two longs (see {@code DecodedPacket}): IPv4-mapped addresses print as
     * the IPv4 dotted quad they stand for, others in RFC 5952 form.
     */
    public static String format(long hi, long lo) {
        byte[] a = new byte[IPV6_BYTES];
        for (int i = 0; i < 8; i++) {
            a[i] = (byte) (hi >>> (56 - 8 * i));
            a[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return hi == 0 && (lo >>> 32) == 0xFFFF ? ipv4(a, 12) : ipv6(a);
    }

    /** Whether a flow endpoint held as two longs is an IPv4 address (IPv4-mapped). */
    public static boolean isIpv4(long hi, long lo) {
        return hi == 0 && (lo >>> 32) == 0xFFFF;
    }

    /** The address text, or null when {@code address} is neither 4 nor 16 bytes long. */
    public static String format(byte[] address) {
        if (address.length == IPV4_BYTES) {
            return ipv4(address, 0);
        }
        if (address.length == IPV6_BYTES) {
            return ipv6(address);
        }
        return null;
    }

    private static String ipv4(byte[] a, int from) {
        return (a[from] & 0xFF) + "." + (a[from + 1] & 0xFF) + "." + (a[from + 2] & 0xFF) + "."
                + (a[from + 3] & 0xFF);
    }

    private static String ipv6(byte[] a) {
        int[] groups = new int[GROUPS];
        for (int i = 0; i < GROUPS; i++) {
            groups[i] = ((a[2 * i] & 0xFF) << 8) | (a[2 * i + 1] & 0xFF);
        }
        if (isIpv4Mapped(groups)) {
            return "::ffff:" + ipv4(a, 12);
        }
        int bestStart = -1;
        int bestLength = 1; // RFC 5952 section 4.2.2: a single zero group is not shortened
        for (int i = 0; i < GROUPS; ) {
            int j = i;
            while (j < GROUPS && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder(39);
        for (int i = 0; i < GROUPS; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static boolean isIpv4Mapped(int[] groups) {
        for (int i = 0; i < 5; i++) {
            if (groups[i] != 0) {
                return false;
            }
        }
        return groups[5] == 0xFFFF;
    }
}
