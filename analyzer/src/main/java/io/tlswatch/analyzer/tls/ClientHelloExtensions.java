package io.tlswatch.analyzer.tls;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * What a ClientHello's extensions offer, decoded from the raw list (which stays the source of
 * truth for fingerprints). An extension that is absent reads as null, an empty array or -1; one
 * that is present but malformed reads the same and is named in {@link #errors()}, so one broken
 * extension never costs the rest of the hello. Arrays returned are copies.
 */
public final class ClientHelloExtensions {
    private final TlsExtensionList list;
    /** The longest DNS name (RFC 1035 §2.3.4: 255 octets on the wire, 253 characters as text). */
    public static final int MAX_SERVER_NAME_BYTES = 253;

    private final byte[] serverNameBytes;
    private final List<byte[]> alpn;
    private final int[] supportedVersions;
    private final int[] supportedGroups;
    private final int[] ecPointFormats;
    private final int[] signatureAlgorithms;
    private final int[] keyShareGroups;
    private final int[] pskKeyExchangeModes;
    private final List<String> errors;

    private ClientHelloExtensions(TlsExtensionList list, ExtensionViewDecoder d) {
        this.list = list;
        this.serverNameBytes = d.decode(TlsExtension.SERVER_NAME, ExtensionDecoders::serverName, null);
        this.alpn = d.decode(TlsExtension.ALPN, ExtensionDecoders::alpn, List.of());
        this.supportedVersions = d.decode(TlsExtension.SUPPORTED_VERSIONS,
                ExtensionDecoders::clientSupportedVersions, ExtensionViewDecoder.NONE);
        this.supportedGroups = d.decode(TlsExtension.SUPPORTED_GROUPS, ExtensionDecoders::supportedGroups,
                ExtensionViewDecoder.NONE);
        this.ecPointFormats = d.decode(TlsExtension.EC_POINT_FORMATS, ExtensionDecoders::ecPointFormats,
                ExtensionViewDecoder.NONE);
        this.signatureAlgorithms = d.decode(TlsExtension.SIGNATURE_ALGORITHMS,
                ExtensionDecoders::signatureAlgorithms, ExtensionViewDecoder.NONE);
        this.keyShareGroups = d.decode(TlsExtension.KEY_SHARE, ExtensionDecoders::clientKeyShareGroups,
                ExtensionViewDecoder.NONE);
        this.pskKeyExchangeModes = d.decode(TlsExtension.PSK_KEY_EXCHANGE_MODES,
                ExtensionDecoders::pskKeyExchangeModes, ExtensionViewDecoder.NONE);
        this.errors = d.errors();
    }

    /** Decodes the views of {@code list}; never fails. */
    static ClientHelloExtensions decode(TlsExtensionList list) {
        return new ClientHelloExtensions(list, new ExtensionViewDecoder(list));
    }

    /**
     * The first host_name of server_name, escaped by {@link EscapedText} (so "exa\x00mple.com"
     * shows the NUL), or null when absent, empty or malformed.
     */
    public String serverName() {
        if (serverNameBytes == null || serverNameBytes.length == 0) {
            return null;
        }
        return EscapedText.of(serverNameBytes.length <= MAX_SERVER_NAME_BYTES ? serverNameBytes
                : Arrays.copyOf(serverNameBytes, MAX_SERVER_NAME_BYTES));
    }

    /** Bytes of the first host_name as sent (0 without one). */
    public int serverNameLength() {
        return serverNameBytes == null ? 0 : serverNameBytes.length;
    }

    /** Whether the server name is longer than a DNS name can be, and {@link #serverName()} cut it. */
    public boolean serverNameTooLong() {
        return serverNameLength() > MAX_SERVER_NAME_BYTES;
    }

    /** The exact bytes of the first host_name, or null. */
    public byte[] serverNameBytes() {
        return serverNameBytes == null || serverNameBytes.length == 0 ? null : serverNameBytes.clone();
    }

    /** ALPN protocol names in order, escaped by {@link EscapedText} ("h2", "http/1.1"). */
    public List<String> alpnProtocols() {
        List<String> out = new ArrayList<>(alpn.size());
        for (byte[] name : alpn) {
            out.add(EscapedText.of(name));
        }
        return Collections.unmodifiableList(out);
    }

    /** ALPN protocol names as sent (JA4 takes characters of the first one). */
    public List<byte[]> alpnProtocolBytes() {
        List<byte[]> out = new ArrayList<>(alpn.size());
        for (byte[] name : alpn) {
            out.add(name.clone());
        }
        return Collections.unmodifiableList(out);
    }

    /** supported_versions in order, GREASE included. */
    public int[] supportedVersions() {
        return supportedVersions.clone();
    }

    /** supported_groups in order, GREASE included. */
    public int[] supportedGroups() {
        return supportedGroups.clone();
    }

    public int[] ecPointFormats() {
        return ecPointFormats.clone();
    }

    /** signature_algorithms in order. */
    public int[] signatureAlgorithms() {
        return signatureAlgorithms.clone();
    }

    /** The groups of key_share's client_shares in order, GREASE included. */
    public int[] keyShareGroups() {
        return keyShareGroups.clone();
    }

    public int[] pskKeyExchangeModes() {
        return pskKeyExchangeModes.clone();
    }

    /** Whether supported_versions offers TLS 1.3 (0x0304) or one of its drafts (0x7fxx). */
    public boolean offersTls13() {
        for (int v : supportedVersions) {
            if (v == TlsRecordLayout.TLS_1_3 || v >>> 8 == 0x7f) {
                return true;
            }
        }
        return false;
    }

    /** Length of the session_ticket data (0 asks for a new ticket), or -1 when absent (RFC 5077). */
    public int sessionTicketLength() {
        return dataLength(TlsExtension.SESSION_TICKET);
    }

    /** Length of the padding extension's data (RFC 7685), or -1 when absent. */
    public int paddingLength() {
        return dataLength(TlsExtension.PADDING);
    }

    public boolean hasPreSharedKey() {
        return list.has(TlsExtension.PRE_SHARED_KEY);
    }

    /** Whether the hello carries encrypted_client_hello (0xfe0d): the real SNI is hidden. */
    public boolean hasEncryptedClientHello() {
        return list.has(TlsExtension.ENCRYPTED_CLIENT_HELLO);
    }

    public boolean hasEarlyData() {
        return list.has(TlsExtension.EARLY_DATA);
    }

    /** status_request: the client asks for a stapled OCSP response (RFC 6066 §8). */
    public boolean hasStatusRequest() {
        return list.has(TlsExtension.STATUS_REQUEST);
    }

    public boolean hasExtendedMasterSecret() {
        return list.has(TlsExtension.EXTENDED_MASTER_SECRET);
    }

    public boolean hasRenegotiationInfo() {
        return list.has(TlsExtension.RENEGOTIATION_INFO);
    }

    /** One reason per malformed extension this class decodes, e.g. "server_name.host_name ...". */
    public List<String> errors() {
        return errors;
    }

    private int dataLength(int type) {
        TlsExtension e = list.find(type);
        return e == null ? -1 : e.data().length;
    }
}
