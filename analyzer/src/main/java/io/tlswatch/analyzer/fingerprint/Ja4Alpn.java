package io.tlswatch.analyzer.fingerprint;

import java.util.HexFormat;
import java.util.List;

/**
 * JA4's two ALPN characters (FoxIO JA4.md, "ALPN Extension Value"), from the first protocol
 * name of application_layer_protocol_negotiation (RFC 7301 §3.1):
 *
 * <ul>
 * <li>none (no extension, an empty list, an empty first name): "00";</li>
 * <li>first and last byte both ASCII alphanumeric: those two characters, as sent ("h2", "h1"
 * for http/1.1, "H2"); a one-byte name gives its character twice;</li>
 * <li>otherwise the first and the last digit of the whole name in lower-case hex: 0xab gives
 * "ab", 0x30 0xab gives "3b", 0xba 0xad gives "bd".</li>
 * </ul>
 *
 * The last rule is the specification's, which this project follows; the python and rust outputs
 * in FoxIO's repository print "99" instead where the first byte is not ASCII (their
 * tls-non-ascii-alpn capture: "t13d151699_...", here "t13d1516bd_...").
 */
final class Ja4Alpn {
    static final String NONE = "00";

    private Ja4Alpn() {
    }

    static String of(List<byte[]> protocols) {
        if (protocols.isEmpty() || protocols.get(0).length == 0) {
            return NONE;
        }
        byte[] name = protocols.get(0);
        int first = name[0] & 0xff;
        int last = name[name.length - 1] & 0xff;
        if (isAlphanumeric(first) && isAlphanumeric(last)) {
            return new String(new char[] {(char) first, (char) last});
        }
        String hex = HexFormat.of().formatHex(name);
        return new String(new char[] {hex.charAt(0), hex.charAt(hex.length() - 1)});
    }

    /** 0x30-0x39, 0x41-0x5a, 0x61-0x7a. */
    private static boolean isAlphanumeric(int c) {
        return c >= '0' && c <= '9' || c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }
}
