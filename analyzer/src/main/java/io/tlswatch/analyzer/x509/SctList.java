package io.tlswatch.analyzer.x509;

import static io.tlswatch.analyzer.x509.SctListLayout.LENGTH_FIELD_BYTES;
import static io.tlswatch.analyzer.x509.SctListLayout.MIN_LENGTH;

/** Counts the SCTs in a SignedCertificateTimestampList (see {@link SctListLayout}). */
final class SctList {
    /** The list is not a well-formed RFC 6962 list. */
    static final int MALFORMED = -1;

    private SctList() {
    }

    /**
     * The number of SerializedSCT entries in {@code buf[offset, offset + length)}, or
     * {@link #MALFORMED} when the list's lengths do not exactly fill the bytes.
     */
    static int count(byte[] buf, int offset, int length) {
        if (offset < 0 || length < 0 || offset + (long) length > buf.length || length < LENGTH_FIELD_BYTES) {
            return MALFORMED;
        }
        int listLength = uint16(buf, offset);
        int end = offset + length;
        if (listLength < MIN_LENGTH || offset + LENGTH_FIELD_BYTES + (long) listLength != end) {
            return MALFORMED;
        }
        int count = 0;
        int pos = offset + LENGTH_FIELD_BYTES;
        while (pos < end) {
            if (pos + (long) LENGTH_FIELD_BYTES > end) {
                return MALFORMED;
            }
            int sctLength = uint16(buf, pos);
            pos += LENGTH_FIELD_BYTES;
            if (sctLength < MIN_LENGTH || pos + (long) sctLength > end) {
                return MALFORMED;
            }
            pos += sctLength;
            count++;
        }
        return count;
    }

    private static int uint16(byte[] buf, int at) {
        return ((buf[at] & 0xFF) << 8) | (buf[at + 1] & 0xFF);
    }
}
