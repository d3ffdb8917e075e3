package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decoders for the extension_data of the extensions a monitor reads, one static method per
 * extension, each citing its RFC. They take the raw bytes kept in {@link TlsExtension#data()}
 * and return a {@link TlsParse}, so a malformed extension is a named failure while the hello that
 * carried it stays usable (its raw extensions are what fingerprints need).
 */
public final class ExtensionDecoders {
    /** NameType host_name (RFC 6066 §3). */
    public static final int HOST_NAME = 0;

    private ExtensionDecoders() {
    }

    /**
     * server_name in a ClientHello (RFC 6066 §3): {@code ServerName server_name_list<1..2^16-1>},
     * each a NameType and, for host_name, {@code HostName<1..2^16-1>}. Returns the bytes of the
     * first host_name, or an empty array when the list names no host (other NameTypes only).
     * Every entry is length-checked; entries after the first host_name are not interpreted.
     */
    public static TlsParse<byte[]> serverName(byte[] data) {
        String what = "server_name.server_name_list";
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader list = r.vector16(what);
        r.expectEnd(what);
        list.requireLength(list.remaining(), 1, 0xffff, what);
        byte[] host = null;
        while (list.remaining() > 0 && r.ok()) {
            int nameType = list.u8(what);
            TlsReader name = list.vector16("server_name.host_name");
            name.requireLength(name.remaining(), 1, 0xffff, "server_name.host_name");
            if (nameType == HOST_NAME && host == null && r.ok()) {
                host = name.rest();
            }
        }
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(host == null ? new byte[0] : host);
    }

    /**
     * application_layer_protocol_negotiation (RFC 7301 §3.1):
     * {@code ProtocolName protocol_name_list<2..2^16-1>}, each {@code opaque ProtocolName<1..2^8-1>}.
     * The ServerHello form holds exactly one name. Returns the names' bytes in order.
     */
    public static TlsParse<List<byte[]>> alpn(byte[] data) {
        String what = "application_layer_protocol_negotiation.protocol_name_list";
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader list = r.vector16(what);
        r.expectEnd(what);
        list.requireLength(list.remaining(), 2, 0xffff, what);
        List<byte[]> names = new ArrayList<>();
        while (list.remaining() > 0 && r.ok()) {
            TlsReader name = list.vector8("application_layer_protocol_negotiation.ProtocolName");
            name.requireLength(name.remaining(), 1, 0xff, "application_layer_protocol_negotiation.ProtocolName");
            names.add(name.rest());
        }
        return r.ok() ? TlsParse.parsed(List.copyOf(names)) : r.failure();
    }

    /**
     * supported_versions in a ClientHello (RFC 8446 §4.2.1):
     * {@code ProtocolVersion versions<2..254>}.
     */
    public static TlsParse<int[]> clientSupportedVersions(byte[] data) {
        return u16ListWithLength8(data, "supported_versions.versions", 2, 254);
    }

    /** supported_versions in a ServerHello or HelloRetryRequest: one {@code selected_version}. */
    public static TlsParse<Integer> serverSupportedVersion(byte[] data) {
        return singleU16(data, "supported_versions.selected_version");
    }

    /**
     * supported_groups (RFC 8446 §4.2.7, RFC 8422 §5.1.1 where it is elliptic_curves):
     * {@code NamedGroup named_group_list<2..2^16-1>}.
     */
    public static TlsParse<int[]> supportedGroups(byte[] data) {
        return u16ListWithLength16(data, "supported_groups.named_group_list", 2, 0xffff);
    }

    /**
     * signature_algorithms (RFC 8446 §4.2.3, RFC 5246 §7.4.1.4.1):
     * {@code SignatureScheme supported_signature_algorithms<2..2^16-2>}.
     */
    public static TlsParse<int[]> signatureAlgorithms(byte[] data) {
        return u16ListWithLength16(data, "signature_algorithms.supported_signature_algorithms", 2, 0xfffe);
    }

    /** ec_point_formats (RFC 8422 §5.1.2): {@code ECPointFormat ec_point_format_list<1..2^8-1>}. */
    public static TlsParse<int[]> ecPointFormats(byte[] data) {
        return u8ListWithLength8(data, "ec_point_formats.ec_point_format_list");
    }

    /** psk_key_exchange_modes (RFC 8446 §4.2.9): {@code PskKeyExchangeMode ke_modes<1..255>}. */
    public static TlsParse<int[]> pskKeyExchangeModes(byte[] data) {
        return u8ListWithLength8(data, "psk_key_exchange_modes.ke_modes");
    }

    /**
     * key_share in a ClientHello (RFC 8446 §4.2.8): {@code KeyShareEntry client_shares<0..2^16-1>},
     * each a NamedGroup and {@code opaque key_exchange<1..2^16-1>}. Returns the groups in order.
     */
    public static TlsParse<int[]> clientKeyShareGroups(byte[] data) {
        String what = "key_share.client_shares";
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader shares = r.vector16(what);
        r.expectEnd(what);
        int[] groups = new int[shares.remaining() / 4];
        int n = 0;
        while (shares.remaining() > 0 && r.ok()) {
            int group = shares.u16(what);
            TlsReader key = shares.vector16("key_share.key_exchange");
            key.requireLength(key.remaining(), 1, 0xffff, "key_share.key_exchange");
            groups[n++] = group;
        }
        return r.ok() ? TlsParse.parsed(Arrays.copyOf(groups, n)) : r.failure();
    }

    /**
     * key_share in a ServerHello (RFC 8446 §4.2.8): one KeyShareEntry (group and key_exchange);
     * in a HelloRetryRequest only the {@code selected_group}. Returns the group.
     */
    public static TlsParse<Integer> serverKeyShareGroup(byte[] data, boolean helloRetryRequest) {
        if (helloRetryRequest) {
            return singleU16(data, "key_share.selected_group");
        }
        String what = "key_share.server_share";
        TlsReader r = new TlsReader(data, 0, data.length);
        int group = r.u16(what);
        TlsReader key = r.vector16("key_share.key_exchange");
        key.requireLength(key.remaining(), 1, 0xffff, "key_share.key_exchange");
        r.expectEnd(what);
        return r.ok() ? TlsParse.parsed(group) : r.failure();
    }

    private static TlsParse<Integer> singleU16(byte[] data, String what) {
        TlsReader r = new TlsReader(data, 0, data.length);
        int value = r.u16(what);
        r.expectEnd(what);
        return r.ok() ? TlsParse.parsed(value) : r.failure();
    }

    private static TlsParse<int[]> u16ListWithLength16(byte[] data, String what, int min, int max) {
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader list = r.vector16(what);
        r.expectEnd(what);
        return u16List(r, list, what, min, max);
    }

    private static TlsParse<int[]> u16ListWithLength8(byte[] data, String what, int min, int max) {
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader list = r.vector8(what);
        r.expectEnd(what);
        return u16List(r, list, what, min, max);
    }

    private static TlsParse<int[]> u16List(TlsReader r, TlsReader list, String what, int min, int max) {
        list.requireLength(list.remaining(), min, max, what);
        int[] values = list.u16List(what);
        return r.ok() ? TlsParse.parsed(values) : r.failure();
    }

    private static TlsParse<int[]> u8ListWithLength8(byte[] data, String what) {
        TlsReader r = new TlsReader(data, 0, data.length);
        TlsReader list = r.vector8(what);
        r.expectEnd(what);
        list.requireLength(list.remaining(), 1, 0xff, what);
        int[] values = list.u8List(what);
        return r.ok() ? TlsParse.parsed(values) : r.failure();
    }
}
