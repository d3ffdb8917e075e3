package io.tlswatch.analyzer.tls;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One hello extension exactly as sent: its type and its extension_data bytes (RFC 8446 §4.2).
 * GREASE (RFC 8701) and unknown types are kept like any other, because fingerprints (JA3, JA4)
 * need every extension in order with its raw bytes. The array is the parser's own copy; callers
 * must not modify it.
 *
 * @param type the ExtensionType, 0 to 65535
 * @param data the extension_data, possibly empty
 */
public record TlsExtension(int type, byte[] data) {
    /** Registered extension types this package decodes or reports (IANA TLS ExtensionType Values). */
    public static final int SERVER_NAME = 0;
    public static final int STATUS_REQUEST = 5;
    public static final int SUPPORTED_GROUPS = 10;
    public static final int EC_POINT_FORMATS = 11;
    public static final int SIGNATURE_ALGORITHMS = 13;
    public static final int ALPN = 16;
    public static final int PADDING = 21;
    public static final int EXTENDED_MASTER_SECRET = 23;
    public static final int SESSION_TICKET = 35;
    public static final int PRE_SHARED_KEY = 41;
    public static final int EARLY_DATA = 42;
    public static final int SUPPORTED_VERSIONS = 43;
    public static final int PSK_KEY_EXCHANGE_MODES = 45;
    public static final int KEY_SHARE = 51;
    /** encrypted_client_hello (draft-ietf-tls-esni, the code point browsers send). */
    public static final int ENCRYPTED_CLIENT_HELLO = 0xfe0d;
    public static final int RENEGOTIATION_INFO = 0xff01;

    public TlsExtension {
        if (type < 0 || type > 0xffff) {
            throw new IllegalArgumentException("extension type " + type);
        }
        data = data.clone();
    }

    /** Whether this is a GREASE extension (RFC 8701 §2). */
    public boolean isGrease() {
        return TlsNames.isGrease(type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlsExtension other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return TlsNames.extensionName(type) + "(" + HexFormat.of().formatHex(data) + ")";
    }
}
