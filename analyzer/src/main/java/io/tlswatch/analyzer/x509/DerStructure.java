package io.tlswatch.analyzer.x509;

import static io.tlswatch.analyzer.x509.DerHeaderLayout.CONSTRUCTED_BIT;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.HIGH_TAG_NUMBER;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.INDEFINITE_LENGTH;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.LONG_FORM_BIT;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.MAX_IDENTIFIER_OCTETS;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.MAX_LENGTH_OCTETS;
import static io.tlswatch.analyzer.x509.DerHeaderLayout.MORE_TAG_OCTETS_BIT;

/**
 * An iterative walk over DER framing that runs before Bouncy Castle sees hostile bytes. Bouncy
 * Castle's decoder recurses once per nesting level, so a few hundred kilobytes of nested SEQUENCE
 * headers overflow the stack; this walk bounds the depth with an explicit stack and checks that
 * every length fits inside its parent, without allocating per element.
 */
final class DerStructure {
    private static final long MALFORMED = -1;

    private DerStructure() {
    }

    /**
     * Checks that {@code buf[offset, offset + length)} is exactly one DER element whose nested
     * lengths all fit and whose nesting is at most {@code maxDepth}.
     *
     * @return null when well formed, else {@link CertificateParseError#MALFORMED_DER},
     *     {@link CertificateParseError#TOO_DEEP} or {@link CertificateParseError#EMPTY}
     */
    static CertificateParseError check(byte[] buf, int offset, int length, int maxDepth) {
        if (length == 0) {
            return CertificateParseError.EMPTY;
        }
        int end = offset + length;
        int[] enclosingEnds = new int[maxDepth];
        int depth = 0;
        int pos = offset;
        int topLevelElements = 0;
        while (true) {
            while (depth > 0 && pos == enclosingEnds[depth - 1]) {
                depth--;
            }
            int limit = depth == 0 ? end : enclosingEnds[depth - 1];
            if (pos == limit) {
                return null;
            }
            if (depth == 0 && ++topLevelElements > 1) {
                return CertificateParseError.MALFORMED_DER;
            }
            long header = readHeader(buf, pos, limit);
            if (header == MALFORMED) {
                return CertificateParseError.MALFORMED_DER;
            }
            int contentStart = pos + headerLength(header);
            int contentLength = contentLength(header);
            if (contentStart + (long) contentLength > limit) {
                return CertificateParseError.MALFORMED_DER;
            }
            if ((buf[pos] & CONSTRUCTED_BIT) != 0) {
                if (depth == maxDepth) {
                    return CertificateParseError.TOO_DEEP;
                }
                enclosingEnds[depth++] = contentStart + contentLength;
                pos = contentStart;
            } else {
                pos = contentStart + contentLength;
            }
        }
    }

    /**
     * The contents octets of a single DER element (its header stripped), or null when
     * {@code element} is not one.
     */
    static byte[] contents(byte[] element) {
        long header = readHeader(element, 0, element.length);
        if (header == MALFORMED) {
            return null;
        }
        int start = headerLength(header);
        if (start + (long) contentLength(header) != element.length) {
            return null;
        }
        return java.util.Arrays.copyOfRange(element, start, element.length);
    }

    /**
     * Reads the identifier and length octets at {@code pos} (not past {@code limit}).
     *
     * @return header length in the high 32 bits and contents length in the low 32, or
     *     {@link #MALFORMED}
     */
    private static long readHeader(byte[] buf, int pos, int limit) {
        int p = pos;
        if (p >= limit) {
            return MALFORMED;
        }
        if ((buf[p++] & HIGH_TAG_NUMBER) == HIGH_TAG_NUMBER) {
            int identifierOctets = 1;
            boolean more = true;
            while (more) {
                if (p >= limit || ++identifierOctets > MAX_IDENTIFIER_OCTETS) {
                    return MALFORMED;
                }
                more = (buf[p++] & MORE_TAG_OCTETS_BIT) != 0;
            }
        }
        if (p >= limit) {
            return MALFORMED;
        }
        int first = buf[p++] & 0xFF;
        long contentLength;
        if ((first & LONG_FORM_BIT) == 0) {
            contentLength = first;
        } else {
            int count = first & ~LONG_FORM_BIT;
            if (first == INDEFINITE_LENGTH || count > MAX_LENGTH_OCTETS || p + (long) count > limit) {
                return MALFORMED;
            }
            contentLength = 0;
            for (int i = 0; i < count; i++) {
                contentLength = (contentLength << 8) | (buf[p++] & 0xFF);
            }
            if (contentLength > Integer.MAX_VALUE) {
                return MALFORMED;
            }
        }
        return ((long) (p - pos) << 32) | contentLength;
    }

    private static int headerLength(long header) {
        return (int) (header >>> 32);
    }

    private static int contentLength(long header) {
        return (int) header;
    }
}
