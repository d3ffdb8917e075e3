package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.HandshakeLayout.MAX_SESSION_ID_LENGTH;
import static io.tlswatch.analyzer.tls.HandshakeLayout.RANDOM_LENGTH;

import java.util.List;

/**
 * A ServerHello or HelloRetryRequest (RFC 8446 §4.1.3, RFC 5246 §7.4.1.3):
 *
 * <pre>
 *  ProtocolVersion legacy_version;                  uint16, 0x0303 for TLS 1.3
 *  Random random;                                   32 bytes; SHA-256("HelloRetryRequest") marks an HRR
 *  opaque legacy_session_id_echo&lt;0..32&gt;;
 *  CipherSuite cipher_suite;                        uint16
 *  uint8 legacy_compression_method;
 *  Extension extensions&lt;6..2^16-1&gt;;              absent in some TLS 1.2 and SSL 3.0 hellos
 * </pre>
 *
 * TLS 1.3 drafts up to 21 sent a shorter hello without session id and compression method
 * (draft-ietf-tls-tls13-21 §4.1.3), with their draft version (0x7f10 for draft 16) or, in early
 * implementations, 0x0304 itself in the version field; both are parsed. RFC 8446 servers always
 * put 0x0303 there, so the field tells the layouts apart.
 * The negotiated version is supported_versions when present (RFC 8446 §4.2.1), else legacy_version.
 * Immutable; arrays returned are copies.
 */
public final class ServerHello {
    private final int legacyVersion;
    private final byte[] random;
    private final byte[] sessionId;
    private final int cipherSuite;
    private final int compressionMethod;
    private final TlsExtensionList extensions;
    private final int selectedVersion;
    private final byte[] alpn;
    private final int keyShareGroup;
    private final List<String> errors;

    private ServerHello(int legacyVersion, byte[] random, byte[] sessionId, int cipherSuite,
            int compressionMethod, TlsExtensionList extensions) {
        this.legacyVersion = legacyVersion;
        this.random = random;
        this.sessionId = sessionId;
        this.cipherSuite = cipherSuite;
        this.compressionMethod = compressionMethod;
        this.extensions = extensions;
        ExtensionViewDecoder d = new ExtensionViewDecoder(extensions);
        this.selectedVersion = d.decode(TlsExtension.SUPPORTED_VERSIONS, ExtensionDecoders::serverSupportedVersion,
                legacyVersion);
        List<byte[]> protocols = d.decode(TlsExtension.ALPN, ExtensionDecoders::alpn, List.of());
        this.alpn = protocols.isEmpty() ? null : protocols.get(0);
        boolean hrr = isHelloRetryRequest();
        this.keyShareGroup = d.decode(TlsExtension.KEY_SHARE,
                data -> ExtensionDecoders.serverKeyShareGroup(data, hrr), -1);
        this.errors = d.errors();
    }

    /** Parses the body of a server_hello handshake message (after its 4-byte header). */
    public static TlsParse<ServerHello> parse(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        int version = r.u16("ServerHello.legacy_version");
        byte[] random = r.bytes(RANDOM_LENGTH, "ServerHello.random");
        boolean draft = hasDraftLayout(version);
        byte[] sessionId = new byte[0];
        if (!draft) {
            TlsReader sid = r.vector8("ServerHello.legacy_session_id_echo");
            sid.requireLength(sid.remaining(), 0, MAX_SESSION_ID_LENGTH, "ServerHello.legacy_session_id_echo");
            sessionId = sid.rest();
        }
        int cipherSuite = r.u16("ServerHello.cipher_suite");
        int compression = draft ? 0 : r.u8("ServerHello.legacy_compression_method");
        TlsExtensionList extensions = TlsExtensionList.readOptional(r, "ServerHello.extensions");
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new ServerHello(version, random, sessionId, cipherSuite, compression, extensions));
    }

    /** Whether the version field is one only TLS 1.3 drafts up to 21, with their layout, put there. */
    private static boolean hasDraftLayout(int version) {
        return version == TlsRecordLayout.TLS_1_3 || version >>> 8 == 0x7f;
    }

    /** 0x7fxx: draft xx of TLS 1.3; 0xfbxx: Facebook's drafts of it. */
    private static boolean isTls13Draft(int version) {
        return version >>> 8 == 0x7f || version >>> 8 == 0xfb;
    }

    public int legacyVersion() {
        return legacyVersion;
    }

    public byte[] random() {
        return random.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    public int cipherSuite() {
        return cipherSuite;
    }

    public int compressionMethod() {
        return compressionMethod;
    }

    /** Every extension in order, with raw bytes (JA3S and JA4S need them). */
    public TlsExtensionList extensions() {
        return extensions;
    }

    /** supported_versions' selected_version if present and well formed, else legacy_version. */
    public int selectedVersion() {
        return selectedVersion;
    }

    /** Whether the selected version is TLS 1.3 or one of its drafts: what follows is encrypted. */
    public boolean selectsTls13() {
        return selectedVersion == TlsRecordLayout.TLS_1_3 || isTls13Draft(selectedVersion);
    }

    /** Whether the random is the HelloRetryRequest marker (RFC 8446 §4.1.3). */
    public boolean isHelloRetryRequest() {
        return HandshakeLayout.isHelloRetryRequestRandom(random);
    }

    /** The downgrade sentinel in the random (see {@link HandshakeLayout#downgradeSentinel}), or 0. */
    public int downgradeSentinel() {
        return HandshakeLayout.downgradeSentinel(random);
    }

    /** The selected ALPN protocol, escaped by {@link EscapedText}, or null. */
    public String alpn() {
        return alpn == null ? null : EscapedText.of(alpn);
    }

    /** The selected ALPN protocol as sent, or null. */
    public byte[] alpnBytes() {
        return alpn == null ? null : alpn.clone();
    }

    /** key_share's group (the selected_group of a HelloRetryRequest), or -1. */
    public int keyShareGroup() {
        return keyShareGroup;
    }

    /** One reason per malformed extension this class decodes. */
    public List<String> errors() {
        return errors;
    }

    @Override
    public String toString() {
        return (isHelloRetryRequest() ? "HelloRetryRequest[" : "ServerHello[") + TlsNames.versionName(selectedVersion)
                + ", " + TlsNames.cipherSuiteName(cipherSuite) + ", extensions=" + extensions.size() + "]";
    }
}
