package io.tlswatch.analyzer.tls;

/**
 * Names for the numbers of TLS: versions (with the Elastic Common Schema's {@code tls.version} and
 * {@code tls.version_protocol} forms), cipher suites, extension types, handshake types, content
 * types and alerts, and the GREASE rule. Registry names come from resource tables whose headers
 * cite their source (IANA registries, read offline through TShark 4.0.17's value lists); an
 * unnamed code reads as {@code 0x%04x}, a GREASE value as {@code GREASE}.
 */
public final class TlsNames {
    private static final NameTable CIPHER_SUITES = NameTable.load("cipher-suites.tsv");
    private static final NameTable EXTENSIONS = NameTable.load("extension-types.tsv");
    private static final NameTable HANDSHAKE_TYPES = NameTable.load("handshake-types.tsv");
    private static final NameTable ALERTS = NameTable.load("alert-descriptions.tsv");

    private TlsNames() {
    }

    /**
     * Whether {@code value} is one of the sixteen GREASE values 0x0a0a, 0x1a1a, ... 0xfafa that
     * clients sprinkle into cipher suites, extensions, groups and versions (RFC 8701 §2).
     */
    public static boolean isGrease(int value) {
        return (value & 0x0f0f) == 0x0a0a && (value >>> 8) == (value & 0xff);
    }

    /**
     * "SSLv2", "SSLv3", "TLSv1.0" to "TLSv1.3", "TLSv1.3-draft16" for 0x7f10, "GREASE", else hex.
     */
    public static String versionName(int version) {
        if (version == SslV2HelloLayout.SSL_2_0) {
            return "SSLv2";
        }
        if (version == TlsRecordLayout.SSL_3_0) {
            return "SSLv3";
        }
        if (version >= TlsRecordLayout.TLS_1_0 && version <= TlsRecordLayout.TLS_1_3) {
            return "TLSv1." + (version - TlsRecordLayout.TLS_1_0);
        }
        if (version >>> 8 == 0x7f) {
            return "TLSv1.3-draft" + (version & 0xff);
        }
        return isGrease(version) ? "GREASE" : hex(version);
    }

    /** ECS {@code tls.version}: "2.0", "3.0", "1.0" to "1.3" (drafts count as "1.3"), else null. */
    public static String ecsVersion(int version) {
        if (version == SslV2HelloLayout.SSL_2_0) {
            return "2.0";
        }
        if (version == TlsRecordLayout.SSL_3_0) {
            return "3.0";
        }
        if (version >= TlsRecordLayout.TLS_1_0 && version <= TlsRecordLayout.TLS_1_3) {
            return "1." + (version - TlsRecordLayout.TLS_1_0);
        }
        return version >>> 8 == 0x7f ? "1.3" : null;
    }

    /** ECS {@code tls.version_protocol}: "ssl" for SSL 2.0 and 3.0, "tls" for TLS, else null. */
    public static String ecsVersionProtocol(int version) {
        if (version == SslV2HelloLayout.SSL_2_0 || version == TlsRecordLayout.SSL_3_0) {
            return "ssl";
        }
        return ecsVersion(version) == null ? null : "tls";
    }

    /** The IANA name, e.g. "TLS_AES_128_GCM_SHA256" for 0x1301. */
    public static String cipherSuiteName(int suite) {
        return named(CIPHER_SUITES, suite);
    }

    /** The IANA name, e.g. "server_name" for 0, "encrypted_client_hello" for 0xfe0d. */
    public static String extensionName(int type) {
        return named(EXTENSIONS, type);
    }

    /** The IANA name, e.g. "client_hello" for 1. */
    public static String handshakeTypeName(int type) {
        return named(HANDSHAKE_TYPES, type);
    }

    /** Whether {@code type} is a handshake type the IANA registry (or a draft browsers used) lists. */
    public static boolean isAssignedHandshakeType(int type) {
        return HANDSHAKE_TYPES.name(type) != null;
    }

    /** The IANA name, e.g. "handshake_failure" for 40. */
    public static String alertDescriptionName(int description) {
        return named(ALERTS, description);
    }

    /** "warning" for 1, "fatal" for 2 (RFC 5246 §7.2), else hex. */
    public static String alertLevelName(int level) {
        return level == 1 ? "warning" : level == 2 ? "fatal" : hex(level);
    }

    /** "change_cipher_spec", "alert", "handshake", "application_data", "heartbeat", else hex. */
    public static String contentTypeName(int type) {
        return switch (type) {
            case TlsRecordLayout.CHANGE_CIPHER_SPEC -> "change_cipher_spec";
            case TlsRecordLayout.ALERT -> "alert";
            case TlsRecordLayout.HANDSHAKE -> "handshake";
            case TlsRecordLayout.APPLICATION_DATA -> "application_data";
            case TlsRecordLayout.HEARTBEAT -> "heartbeat";
            default -> hex(type);
        };
    }

    /** How many names each table holds: cipher suites, extensions, handshake types, alerts. */
    static int[] tableSizes() {
        return new int[] {CIPHER_SUITES.size(), EXTENSIONS.size(), HANDSHAKE_TYPES.size(), ALERTS.size()};
    }

    private static String named(NameTable table, int code) {
        if (isGrease(code)) {
            return "GREASE";
        }
        String name = table.name(code);
        return name != null ? name : hex(code);
    }

    private static String hex(int code) {
        return String.format("0x%04x", code);
    }
}
