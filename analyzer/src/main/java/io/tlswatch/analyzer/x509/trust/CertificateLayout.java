package io.tlswatch.analyzer.x509.trust;

/**
 * Where the signed bytes sit in a certificate's DER (RFC 5280 section 4.1, X.690 section 8.1).
 * The signature covers the tbsCertificate exactly as sent, so it is cut from the original bytes
 * rather than re-encoded from a decoded structure (a re-encoding of a certificate that is not
 * strict DER would not verify).
 *
 * <pre>
 * Certificate ::= SEQUENCE {            30 L   outer header: 2 to 6 bytes
 *     tbsCertificate      TBSCertificate,   30 L ...   the signed bytes (section 4.1.1.1)
 *     signatureAlgorithm  AlgorithmIdentifier,
 *     signatureValue      BIT STRING }
 *
 * L: 0x00-0x7F the length itself; 0x81-0x84 the number of length bytes that follow (big-endian)
 * </pre>
 */
final class CertificateLayout {
    static final int SEQUENCE_TAG = 0x30;
    static final int LONG_FORM = 0x80;
    static final int MAX_LENGTH_BYTES = 4;
    /** Returned by {@link #tbsOffset} and {@link #tbsLength} when the framing is not as above. */
    static final int NOT_FOUND = -1;

    private CertificateLayout() {
    }

    /** Offset of the tbsCertificate element (its tag) in {@code der}, or {@link #NOT_FOUND}. */
    static int tbsOffset(byte[] der) {
        long outerBody = bodyOffset(der, 0);
        return outerBody < 0 ? NOT_FOUND : (int) outerBody;
    }

    /** Length of the tbsCertificate element, header included, or {@link #NOT_FOUND}. */
    static int tbsLength(byte[] der) {
        int tbs = tbsOffset(der);
        if (tbs == NOT_FOUND) {
            return NOT_FOUND;
        }
        long body = bodyOffset(der, tbs);
        if (body < 0) {
            return NOT_FOUND;
        }
        long end = body + length(der, tbs);
        return end > der.length ? NOT_FOUND : (int) (end - tbs);
    }

    /** Offset of the body of the SEQUENCE whose tag is at {@code at}, or -1. */
    private static long bodyOffset(byte[] der, int at) {
        if (at + 2L > der.length || (der[at] & 0xFF) != SEQUENCE_TAG) {
            return -1;
        }
        int first = der[at + 1] & 0xFF;
        int lengthBytes = first < LONG_FORM ? 0 : first - LONG_FORM;
        if (lengthBytes > MAX_LENGTH_BYTES || first == LONG_FORM) {
            return -1;
        }
        long body = at + 2L + lengthBytes;
        if (body > der.length || body + length(der, at) > der.length) {
            return -1;
        }
        return body;
    }

    /** The length field of the element at {@code at}, framing already checked by the caller. */
    private static long length(byte[] der, int at) {
        int first = der[at + 1] & 0xFF;
        if (first < LONG_FORM) {
            return first;
        }
        long length = 0;
        for (int i = 0; i < first - LONG_FORM; i++) {
            length = (length << 8) | (der[at + 2 + i] & 0xFF);
        }
        return length;
    }
}
