package io.tlswatch.capture.synth;

/**
 * The Internet checksum (RFC 1071): the ones' complement of the ones' complement sum of 16-bit
 * big-endian words, as the IPv4 header (RFC 791 3.1) and TCP (RFC 9293 3.1, with its pseudo-header)
 * use it. A sum is built in a long over several ranges and folded once at the end; only the last
 * range may have an odd length (its last byte is padded with a zero byte). Allocation-free.
 */
final class InternetChecksum {
    private InternetChecksum() {
    }

    /** Adds the 16-bit words of [off, off + len) to {@code sum}. */
    static long add(long sum, byte[] b, int off, int len) {
        int end = off + len;
        int i = off;
        for (; i + 1 < end; i += 2) {
            sum += (b[i] & 0xff) << 8 | (b[i + 1] & 0xff);
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        return sum;
    }

    /** Adds one 16-bit value (a protocol number, a length) to {@code sum}. */
    static long addWord(long sum, int word) {
        return sum + (word & 0xffff);
    }

    /** Folds the carries into 16 bits and complements: the value for the checksum field. */
    static int finish(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) ~sum & 0xffff;
    }
}
