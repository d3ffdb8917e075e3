package io.tlswatch.analyzer.tls;

/**
 * Turns attacker-chosen bytes (a server name, an ALPN protocol) into text that is safe to log,
 * index and show: printable ASCII 0x21 to 0x7e stays as it is, except the backslash; every other
 * byte (controls, space, DEL, bytes of 0x80 and above, backslash) becomes {@code \xHH} with
 * lower-case hex. The mapping is reversible, so nothing is lost, and a name with a NUL, a newline
 * or UTF-8 cannot forge a log line or hide behind a look-alike glyph. The exact bytes stay
 * available beside the text (Zeek and Suricata escape the same way).
 */
public final class EscapedText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private EscapedText() {
    }

    public static String of(byte[] bytes) {
        return of(bytes, 0, bytes.length);
    }

    public static String of(byte[] b, int off, int len) {
        StringBuilder out = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            int c = b[i] & 0xff;
            if (c > 0x20 && c < 0x7f && c != '\\') {
                out.append((char) c);
            } else {
                out.append('\\').append('x').append(HEX[c >>> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }
}
