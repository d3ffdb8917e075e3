package io.tlswatch.analyzer.synth;

import static io.tlswatch.analyzer.synth.TlsCodePoints.ECDSA_SECP256R1_SHA256;
import static io.tlswatch.analyzer.synth.TlsCodePoints.ECDSA_SECP384R1_SHA384;
import static io.tlswatch.analyzer.synth.TlsCodePoints.ECDSA_SECP521R1_SHA512;
import static io.tlswatch.analyzer.synth.TlsCodePoints.ECDSA_SHA1;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PKCS1_SHA1;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PKCS1_SHA256;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PKCS1_SHA384;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PKCS1_SHA512;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PSS_RSAE_SHA256;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PSS_RSAE_SHA384;
import static io.tlswatch.analyzer.synth.TlsCodePoints.RSA_PSS_RSAE_SHA512;

import io.tlswatch.analyzer.tls.HandshakeLayout;
import io.tlswatch.analyzer.tls.TlsExtension;
import io.tlswatch.analyzer.tls.TlsRecordLayout;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The ClientHello of a current browser (the offer and extension order of Firefox 115, GREASE-free
 * as Firefox is), for a server name: TLS 1.3 and 1.2, an x25519 key share, ALPN h2 and http/1.1
 * (RFC 8446 section 4.1.2 and the extensions of section 4.2). The same offer for every flow, so
 * every synthetic client has one JA3 and JA4; the random, session id and key share vary.
 */
public final class BrowserClientHello {
    /** The application protocols offered, in order (RFC 7301 section 3.1). */
    public static final List<String> ALPN = List.of("h2", "http/1.1");

    private static final int[] CIPHER_SUITES = {
        TlsCodePoints.TLS_AES_128_GCM_SHA256, TlsCodePoints.TLS_CHACHA20_POLY1305_SHA256,
        TlsCodePoints.TLS_AES_256_GCM_SHA384,
        Tls12Messages.ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, Tls12Messages.ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        0xcca9, 0xcca8, 0xc02c, 0xc030, 0xc00a, 0xc009, 0xc013, 0xc014, 0x009c, 0x009d, 0x002f, 0x0035,
    };
    private static final int[] GROUPS = {
        TlsCodePoints.X25519, TlsCodePoints.SECP256R1, TlsCodePoints.SECP384R1, TlsCodePoints.SECP521R1,
        TlsCodePoints.FFDHE2048, TlsCodePoints.FFDHE3072,
    };
    private static final int[] SIGNATURE_SCHEMES = {
        ECDSA_SECP256R1_SHA256, ECDSA_SECP384R1_SHA384, ECDSA_SECP521R1_SHA512, RSA_PSS_RSAE_SHA256,
        RSA_PSS_RSAE_SHA384, RSA_PSS_RSAE_SHA512, RSA_PKCS1_SHA256, RSA_PKCS1_SHA384, RSA_PKCS1_SHA512,
        ECDSA_SHA1, RSA_PKCS1_SHA1,
    };
    /** What a client offers in its first hello's record version (RFC 8446 section 5.1). */
    private static final int RECORD_VERSION = TlsRecordLayout.TLS_1_0;
    private static final int RECORD_SIZE = 0x4001;
    /** cipher_suites and legacy_compression_methods. */
    private static final byte[] CIPHER_SUITES_AND_COMPRESSION = new TlsBytes().vector16(u16s(CIPHER_SUITES))
            .vector8(new byte[] {0}).toBytes();
    /** The extensions between server_name and key_share, each type, length and data. */
    private static final byte[] BEFORE_KEY_SHARE = extensionBytes(List.of(
            new TlsExtension(TlsExtension.EXTENDED_MASTER_SECRET, new byte[0]),
            new TlsExtension(TlsExtension.RENEGOTIATION_INFO, new byte[] {0}),
            new TlsExtension(TlsExtension.SUPPORTED_GROUPS, new TlsBytes().vector16(u16s(GROUPS)).toBytes()),
            new TlsExtension(TlsExtension.EC_POINT_FORMATS, new byte[] {1, 0}),
            new TlsExtension(TlsExtension.SESSION_TICKET, new byte[0]),
            new TlsExtension(TlsExtension.ALPN, alpn(ALPN)),
            new TlsExtension(TlsExtension.STATUS_REQUEST, new byte[] {1, 0, 0, 0, 0}),
            new TlsExtension(TlsCodePoints.SIGNED_CERTIFICATE_TIMESTAMP, new byte[0])));
    /** The extensions after key_share. */
    private static final byte[] AFTER_KEY_SHARE = extensionBytes(List.of(
            new TlsExtension(TlsExtension.SUPPORTED_VERSIONS, new TlsBytes().vector8(
                    new TlsBytes().u16(TlsRecordLayout.TLS_1_3).u16(TlsRecordLayout.TLS_1_2).toBytes()).toBytes()),
            new TlsExtension(TlsExtension.SIGNATURE_ALGORITHMS, new TlsBytes().vector16(u16s(SIGNATURE_SCHEMES)).toBytes()),
            new TlsExtension(TlsExtension.PSK_KEY_EXCHANGE_MODES, new byte[] {1, 1}),
            new TlsExtension(TlsCodePoints.RECORD_SIZE_LIMIT, new TlsBytes().u16(RECORD_SIZE).toBytes())));

    private BrowserClientHello() {
    }

    /**
     * The client_hello handshake message asking for {@code serverName}. Extensions in order:
     * server_name, extended_master_secret, renegotiation_info, supported_groups, ec_point_formats,
     * session_ticket, ALPN, status_request, signed_certificate_timestamp, key_share,
     * supported_versions, signature_algorithms, psk_key_exchange_modes, record_size_limit.
     *
     * @param random     32 bytes
     * @param sessionId  the legacy session id (32 random bytes in middlebox compatibility mode, RFC 8446 appendix D.4)
     * @param x25519Key  the client's 32-byte key share
     */
    public static byte[] message(String serverName, byte[] random, byte[] sessionId, byte[] x25519Key) {
        TlsBytes extensions = new TlsBytes()
                .u16(TlsExtension.SERVER_NAME).vector16(serverName(serverName))
                .bytes(BEFORE_KEY_SHARE)
                .u16(TlsExtension.KEY_SHARE).u16(2 + 2 + 2 + x25519Key.length)
                .u16(2 + 2 + x25519Key.length).u16(TlsCodePoints.X25519).vector16(x25519Key)
                .bytes(AFTER_KEY_SHARE);
        byte[] body = new TlsBytes().u16(TlsRecordLayout.TLS_1_2).bytes(Tls12Messages.requireRandom(random))
                .vector8(sessionId).bytes(CIPHER_SUITES_AND_COMPRESSION).vector16(extensions.toBytes()).toBytes();
        return TlsBytes.handshake(HandshakeLayout.CLIENT_HELLO, body);
    }

    /** The message in its own record, as a client sends it. */
    public static byte[] record(String serverName, byte[] random, byte[] sessionId, byte[] x25519Key) {
        return TlsBytes.record(TlsRecordLayout.HANDSHAKE, RECORD_VERSION, message(serverName, random, sessionId, x25519Key));
    }

    /** Extensions back to back, each type, 2-byte length and data (without the block's own length). */
    private static byte[] extensionBytes(List<TlsExtension> extensions) {
        TlsBytes out = new TlsBytes();
        for (TlsExtension e : extensions) {
            out.u16(e.type()).vector16(e.data());
        }
        return out.toBytes();
    }

    /** server_name (RFC 6066 section 3): a ServerNameList with one host_name(0) entry. */
    static byte[] serverName(String hostName) {
        byte[] name = hostName.getBytes(StandardCharsets.US_ASCII);
        return new TlsBytes().vector16(new TlsBytes().u8(0).vector16(name).toBytes()).toBytes();
    }

    /** application_layer_protocol_negotiation (RFC 7301 section 3.1): a ProtocolNameList. */
    static byte[] alpn(List<String> protocols) {
        TlsBytes list = new TlsBytes();
        for (String p : protocols) {
            list.vector8(p.getBytes(StandardCharsets.US_ASCII));
        }
        return new TlsBytes().vector16(list.toBytes()).toBytes();
    }

    private static byte[] u16s(int[] values) {
        TlsBytes out = new TlsBytes();
        for (int v : values) {
            out.u16(v);
        }
        return out.toBytes();
    }
}
