package io.tlswatch.capture;

/**
 * Unsigned reads of multi-byte integers from a byte array, in network (big-endian) or
 * little-endian order. Callers bound the offsets first; these methods do no checking of their own
 * beyond the array's, so they stay cheap enough for the per-packet path.
 */
public final class Bytes {
    private Bytes() {
    }

    public static int u8(byte[] b, int at) {
        return b[at] & 0xff;
    }

    public static int u16(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    public static int u16le(byte[] b, int at) {
        return (b[at + 1] & 0xff) << 8 | (b[at] & 0xff);
    }

    /** 32 bits big-endian; as an int (callers widen with {@code & 0xffffffffL} where unsigned matters). */
    public static int i32(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    public static int i32le(byte[] b, int at) {
        return (b[at + 3] & 0xff) << 24 | (b[at + 2] & 0xff) << 16 | (b[at + 1] & 0xff) << 8 | (b[at] & 0xff);
    }

    public static long u32(byte[] b, int at) {
        return i32(b, at) & 0xffffffffL;
    }

    public static int u16(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? u16(b, at) : u16le(b, at);
    }

    public static int i32(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? i32(b, at) : i32le(b, at);
    }

    public static long u32(byte[] b, int at, boolean bigEndian) {
        return i32(b, at, bigEndian) & 0xffffffffL;
    }

    /** 64 bits big-endian. */
    public static long i64(byte[] b, int at) {
        return (long) i32(b, at) << 32 | u32(b, at + 4);
    }

    public static long i64(byte[] b, int at, boolean bigEndian) {
        return bigEndian ? i64(b, at) : (long) i32le(b, at + 4) << 32 | (i32le(b, at) & 0xffffffffL);
    }

    /** The first bytes of an array as spaced hex ("48 65 6c 6c"), for one-line messages. */
    public static String hexPrefix(byte[] b, int from, int count) {
        StringBuilder s = new StringBuilder(count * 3);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                s.append(' ');
            }
            s.append(Character.forDigit((b[from + i] >> 4) & 0xf, 16)).append(Character.forDigit(b[from + i] & 0xf, 16));
        }
        return s.toString();
    }
}
