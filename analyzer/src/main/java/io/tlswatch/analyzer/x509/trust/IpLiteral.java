package io.tlswatch.analyzer.x509.trust;

/**
 * A server name that is an IP address literal, as bytes, without touching the resolver:
 * IPv4 dotted quad (RFC 1123 section 2.1: four decimal parts, no leading zeros), IPv6 text forms of
 * RFC 4291 section 2.2 (groups, one "::", a trailing dotted quad). Brackets and zone ids are not
 * server names and do not parse.
 */
final class IpLiteral {
    private static final int IPV4_BYTES = 4;
    private static final int IPV6_BYTES = 16;
    private static final int IPV6_GROUPS = 8;
    private static final int MAX_IPV6_CHARS = 45;

    private IpLiteral() {
    }

    /** The address's 4 or 16 bytes, or null when {@code text} is not an IP literal. */
    static byte[] parse(String text) {
        if (text.indexOf(':') >= 0) {
            return ipv6(text);
        }
        return ipv4(text);
    }

    private static byte[] ipv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != IPV4_BYTES) {
            return null;
        }
        byte[] address = new byte[IPV4_BYTES];
        for (int i = 0; i < IPV4_BYTES; i++) {
            int value = decimalOctet(parts[i]);
            if (value < 0) {
                return null;
            }
            address[i] = (byte) value;
        }
        return address;
    }

    /** 0-255 written without leading zeros, or -1. */
    private static int decimalOctet(String part) {
        if (part.isEmpty() || part.length() > 3 || part.length() > 1 && part.charAt(0) == '0') {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= 255 ? value : -1;
    }

    private static byte[] ipv6(String text) {
        if (text.length() > MAX_IPV6_CHARS) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = new int[IPV6_GROUPS];
        int[] tail = new int[IPV6_GROUPS];
        int headCount = gap < 0 ? groups(text, head) : groups(text.substring(0, gap), head);
        int tailCount = gap < 0 ? 0 : groups(text.substring(gap + 2), tail);
        if (headCount < 0 || tailCount < 0) {
            return null;
        }
        int total = headCount + tailCount;
        if (gap < 0 ? total != IPV6_GROUPS : total > IPV6_GROUPS - 1) {
            return null;
        }
        byte[] address = new byte[IPV6_BYTES];
        for (int i = 0; i < headCount; i++) {
            putGroup(address, i, head[i]);
        }
        for (int i = 0; i < tailCount; i++) {
            putGroup(address, IPV6_GROUPS - tailCount + i, tail[i]);
        }
        return address;
    }

    /**
     * Reads colon-separated groups into {@code out}; a dotted quad as the last part counts as two
     * groups. Returns how many groups, 0 for an empty string, -1 when malformed.
     */
    private static int groups(String text, int[] out) {
        if (text.isEmpty()) {
            return 0;
        }
        String[] parts = text.split(":", -1);
        int count = 0;
        for (int p = 0; p < parts.length; p++) {
            String part = parts[p];
            if (p == parts.length - 1 && part.indexOf('.') >= 0) {
                byte[] v4 = ipv4(part);
                if (v4 == null || count + 2 > IPV6_GROUPS) {
                    return -1;
                }
                out[count++] = ((v4[0] & 0xFF) << 8) | (v4[1] & 0xFF);
                out[count++] = ((v4[2] & 0xFF) << 8) | (v4[3] & 0xFF);
                continue;
            }
            int group = hexGroup(part);
            if (group < 0 || count >= IPV6_GROUPS) {
                return -1;
            }
            out[count++] = group;
        }
        return count;
    }

    /** One to four hex digits, or -1. */
    private static int hexGroup(String part) {
        if (part.isEmpty() || part.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < part.length(); i++) {
            int digit = Character.digit(part.charAt(i), 16);
            if (digit < 0) {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }

    private static void putGroup(byte[] address, int group, int value) {
        address[2 * group] = (byte) (value >>> 8);
        address[2 * group + 1] = (byte) value;
    }
}
