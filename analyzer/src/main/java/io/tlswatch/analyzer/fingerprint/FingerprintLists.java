package io.tlswatch.analyzer.fingerprint;

import io.tlswatch.analyzer.tls.TlsNames;
import java.util.Arrays;

/**
 * The list handling JA3 and JA4 share: GREASE removed (RFC 8701 §2), values dropped by number,
 * sorting, and the two renderings the references print: decimal joined by '-' (JA3) and
 * four-digit lower-case hex joined by ',' (JA4).
 */
final class FingerprintLists {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private FingerprintLists() {
    }

    /** {@code values} in order without the sixteen GREASE values. */
    static int[] withoutGrease(int[] values) {
        int[] out = new int[values.length];
        int n = 0;
        for (int v : values) {
            if (!TlsNames.isGrease(v)) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** {@code values} in order without any occurrence of {@code first} or {@code second}. */
    static int[] without(int[] values, int first, int second) {
        int[] out = new int[values.length];
        int n = 0;
        for (int v : values) {
            if (v != first && v != second) {
                out[n++] = v;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** A sorted copy: ascending numbers, which is also the order of their fixed-width hex. */
    static int[] sorted(int[] values) {
        int[] out = values.clone();
        Arrays.sort(out);
        return out;
    }

    /** "771-4865-4866": decimal, '-' between, empty for none. */
    static String decimal(int[] values) {
        StringBuilder out = new StringBuilder(values.length * 6);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('-');
            }
            out.append(values[i]);
        }
        return out.toString();
    }

    /** "1301,c02b": four lower-case hex digits each (values are uint16), ',' between. */
    static String hex4(int[] values) {
        StringBuilder out = new StringBuilder(values.length * 5);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            int v = values[i];
            out.append(HEX[v >>> 12 & 0xf]).append(HEX[v >>> 8 & 0xf]).append(HEX[v >>> 4 & 0xf]).append(HEX[v & 0xf]);
        }
        return out.toString();
    }
}
