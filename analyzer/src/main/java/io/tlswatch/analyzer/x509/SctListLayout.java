package io.tlswatch.analyzer.x509;

/**
 * The SignedCertificateTimestampList carried in the certificate extension
 * {@value #EXTENSION_OID} (RFC 6962 section 3.3). The extension value is a DER OCTET STRING whose
 * contents are this TLS-encoded (RFC 8446 section 3) structure. Describes bytes only; {@link SctList}
 * counts the entries.
 *
 * <pre>
 *  opaque SerializedSCT&lt;1..2^16-1&gt;;
 *  struct { SerializedSCT sct_list &lt;1..2^16-1&gt;; } SignedCertificateTimestampList;
 *
 *  0       2       4                     4+n     6+n
 * +-------+-------+---------------------+-------+-------------- ...
 * | list  | sct 1 | sct 1 bytes (n >= 1)| sct 2 | sct 2 bytes
 * | len   | len n |                     | len   |
 * +-------+-------+---------------------+-------+-------------- ...
 *  uint16 big-endian lengths; list len counts every byte after its own field
 * </pre>
 */
final class SctListLayout {
    static final String EXTENSION_OID = "1.3.6.1.4.1.11129.2.4.2";
    /** Size of the list length field and of each SCT's length field. */
    static final int LENGTH_FIELD_BYTES = 2;
    /** The list and each SerializedSCT hold at least one byte. */
    static final int MIN_LENGTH = 1;

    private SctListLayout() {
    }
}
