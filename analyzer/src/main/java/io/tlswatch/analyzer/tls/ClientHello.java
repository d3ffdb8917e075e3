package io.tlswatch.analyzer.tls;

import static io.tlswatch.analyzer.tls.HandshakeLayout.MAX_SESSION_ID_LENGTH;
import static io.tlswatch.analyzer.tls.HandshakeLayout.RANDOM_LENGTH;

import java.util.Arrays;

/**
 * A ClientHello as sent, GREASE and all (RFC 8446 §4.1.2, RFC 5246 §7.4.1.2):
 *
 * <pre>
 *  ProtocolVersion legacy_version;                        uint16, 0x0303 for TLS 1.3
 *  Random random;                                         32 bytes
 *  opaque legacy_session_id&lt;0..32&gt;;
 *  CipherSuite cipher_suites&lt;2..2^16-2&gt;;               uint16 each
 *  opaque legacy_compression_methods&lt;1..2^8-1&gt;;
 *  Extension extensions&lt;8..2^16-1&gt;;                    absent in some TLS 1.2 and SSL 3.0 hellos
 * </pre>
 *
 * Also the SSL 2.0-compatible form (RFC 5246 Appendix E.2), flagged {@link #sslv2Compatible()}:
 * its 3-byte cipher specs whose first byte is 0 become {@link #cipherSuites()}, the raw specs are
 * kept in {@link #sslv2CipherSpecs()}, its challenge is the {@link #random()} (16 to 32 bytes, as
 * sent, not right-aligned), and it has no compression methods and no extensions.
 *
 * <p>Immutable; arrays returned are copies.
 */
public final class ClientHello {
    private final int legacyVersion;
    private final byte[] random;
    private final byte[] sessionId;
    private final int[] cipherSuites;
    private final int[] compressionMethods;
    private final TlsExtensionList extensions;
    private final ClientHelloExtensions offered;
    private final byte[] sslv2CipherSpecs;

    private ClientHello(int legacyVersion, byte[] random, byte[] sessionId, int[] cipherSuites,
            int[] compressionMethods, TlsExtensionList extensions, byte[] sslv2CipherSpecs) {
        this.legacyVersion = legacyVersion;
        this.random = random;
        this.sessionId = sessionId;
        this.cipherSuites = cipherSuites;
        this.compressionMethods = compressionMethods;
        this.extensions = extensions;
        this.offered = ClientHelloExtensions.decode(extensions);
        this.sslv2CipherSpecs = sslv2CipherSpecs;
    }

    /** Parses the body of a client_hello handshake message (after its 4-byte header). */
    public static TlsParse<ClientHello> parse(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        int version = r.u16("ClientHello.legacy_version");
        byte[] random = r.bytes(RANDOM_LENGTH, "ClientHello.random");
        TlsReader sid = r.vector8("ClientHello.legacy_session_id");
        sid.requireLength(sid.remaining(), 0, MAX_SESSION_ID_LENGTH, "ClientHello.legacy_session_id");
        byte[] sessionId = sid.rest();
        TlsReader suites = r.vector16("ClientHello.cipher_suites");
        suites.requireLength(suites.remaining(), 2, 0xfffe, "ClientHello.cipher_suites");
        int[] cipherSuites = suites.u16List("ClientHello.cipher_suites");
        TlsReader compression = r.vector8("ClientHello.legacy_compression_methods");
        compression.requireLength(compression.remaining(), 1, 0xff, "ClientHello.legacy_compression_methods");
        int[] compressionMethods = compression.u8List("ClientHello.legacy_compression_methods");
        TlsExtensionList extensions = TlsExtensionList.readOptional(r, "ClientHello.extensions");
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new ClientHello(version, random, sessionId, cipherSuites, compressionMethods,
                extensions, null));
    }

    /**
     * Parses an SSL 2.0-compatible CLIENT-HELLO from {@code msg_type} on: the {@code len} bytes
     * after its two-byte record header (see {@link SslV2HelloLayout}).
     */
    public static TlsParse<ClientHello> parseSslV2(byte[] b, int off, int len) {
        TlsReader r = new TlsReader(b, off, len);
        if (r.u8("SSLv2 CLIENT-HELLO.msg_type") != SslV2HelloLayout.MSG_CLIENT_HELLO && r.ok()) {
            r.fail(TlsParseError.BAD_VALUE, "SSLv2 CLIENT-HELLO.msg_type");
        }
        int version = r.u16("SSLv2 CLIENT-HELLO.version");
        int specsLength = r.u16("SSLv2 CLIENT-HELLO.cipher_spec_length");
        int sessionIdLength = r.u16("SSLv2 CLIENT-HELLO.session_id_length");
        int challengeLength = r.u16("SSLv2 CLIENT-HELLO.challenge_length");
        if (specsLength == 0 || specsLength % SslV2HelloLayout.CIPHER_SPEC_LENGTH != 0) {
            r.fail(TlsParseError.BAD_LENGTH, "SSLv2 CLIENT-HELLO.cipher_spec_length");
        }
        r.requireLength(sessionIdLength, 0, MAX_SESSION_ID_LENGTH, "SSLv2 CLIENT-HELLO.session_id_length");
        r.requireLength(challengeLength, SslV2HelloLayout.MIN_CHALLENGE_LENGTH,
                SslV2HelloLayout.MAX_CHALLENGE_LENGTH, "SSLv2 CLIENT-HELLO.challenge_length");
        byte[] specs = r.bytes(specsLength, "SSLv2 CLIENT-HELLO.cipher_specs");
        byte[] sessionId = r.bytes(sessionIdLength, "SSLv2 CLIENT-HELLO.session_id");
        byte[] challenge = r.bytes(challengeLength, "SSLv2 CLIENT-HELLO.challenge");
        r.expectEnd("SSLv2 CLIENT-HELLO");
        if (!r.ok()) {
            return r.failure();
        }
        return TlsParse.parsed(new ClientHello(version, challenge, sessionId, tlsSuitesOf(specs), new int[0],
                TlsExtensionList.ABSENT, specs));
    }

    /** The cipher specs whose first byte is 0, as TLS cipher suites (RFC 5246 Appendix E.2). */
    private static int[] tlsSuitesOf(byte[] specs) {
        int[] out = new int[specs.length / SslV2HelloLayout.CIPHER_SPEC_LENGTH];
        int n = 0;
        for (int i = 0; i + 2 < specs.length; i += SslV2HelloLayout.CIPHER_SPEC_LENGTH) {
            if (specs[i] == 0) {
                out[n++] = (specs[i + 1] & 0xff) << 8 | specs[i + 2] & 0xff;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** legacy_version (the highest version offered before TLS 1.3's supported_versions). */
    public int legacyVersion() {
        return legacyVersion;
    }

    /** The 32-byte random (the 16..32-byte challenge for the SSL 2.0 form). */
    public byte[] random() {
        return random.clone();
    }

    public byte[] sessionId() {
        return sessionId.clone();
    }

    /** cipher_suites in order, GREASE and signalling values (0x00ff, 0x5600) included. */
    public int[] cipherSuites() {
        return cipherSuites.clone();
    }

    public int[] compressionMethods() {
        return compressionMethods.clone();
    }

    /** Every extension in order, with raw bytes; {@link TlsExtensionList#ABSENT} when none. */
    public TlsExtensionList extensions() {
        return extensions;
    }

    /** The decoded extensions: server name, ALPN, versions, groups and the rest. */
    public ClientHelloExtensions offered() {
        return offered;
    }

    /** Whether this came in the SSL 2.0-compatible form. */
    public boolean sslv2Compatible() {
        return sslv2CipherSpecs != null;
    }

    /** The SSL 2.0 form's cipher specs as sent (3 bytes each), or null for a TLS ClientHello. */
    public byte[] sslv2CipherSpecs() {
        return sslv2CipherSpecs == null ? null : sslv2CipherSpecs.clone();
    }

    @Override
    public String toString() {
        return "ClientHello[" + TlsNames.versionName(legacyVersion) + ", sni=" + offered.serverName()
                + ", suites=" + cipherSuites.length + ", extensions=" + extensions.size()
                + (sslv2Compatible() ? ", sslv2" : "") + "]";
    }
}
