package io.tlswatch.analyzer.synth;

/**
 * The IANA TLS code points the synthetic handshakes use (IANA "Transport Layer Security (TLS)
 * Parameters" registry), beyond the record and handshake types of the parser's layout classes.
 */
public final class TlsCodePoints {
    /** TLS_AES_128_GCM_SHA256 (RFC 8446 appendix B.4). */
    public static final int TLS_AES_128_GCM_SHA256 = 0x1301;
    public static final int TLS_AES_256_GCM_SHA384 = 0x1302;
    public static final int TLS_CHACHA20_POLY1305_SHA256 = 0x1303;

    /** NamedGroup x25519 (RFC 8446 section 4.2.7); its key share is 32 bytes (RFC 7748 section 6.1). */
    public static final int X25519 = 0x001d;
    public static final int SECP256R1 = 0x0017;
    public static final int SECP384R1 = 0x0018;
    public static final int SECP521R1 = 0x0019;
    public static final int FFDHE2048 = 0x0100;
    public static final int FFDHE3072 = 0x0101;
    /** Bytes of an x25519 public key. */
    public static final int X25519_KEY_LENGTH = 32;

    /** SignatureScheme ecdsa_secp256r1_sha256 (RFC 8446 section 4.2.3). */
    public static final int ECDSA_SECP256R1_SHA256 = 0x0403;
    public static final int ECDSA_SECP384R1_SHA384 = 0x0503;
    public static final int ECDSA_SECP521R1_SHA512 = 0x0603;
    /** SignatureScheme rsa_pss_rsae_sha256 (RFC 8446 section 4.2.3). */
    public static final int RSA_PSS_RSAE_SHA256 = 0x0804;
    public static final int RSA_PSS_RSAE_SHA384 = 0x0805;
    public static final int RSA_PSS_RSAE_SHA512 = 0x0806;
    public static final int RSA_PKCS1_SHA256 = 0x0401;
    public static final int RSA_PKCS1_SHA384 = 0x0501;
    public static final int RSA_PKCS1_SHA512 = 0x0601;
    public static final int ECDSA_SHA1 = 0x0203;
    public static final int RSA_PKCS1_SHA1 = 0x0201;
    /** Bytes of an RSA 2048 signature. */
    public static final int RSA_2048_SIGNATURE_LENGTH = 256;

    /** record_size_limit (RFC 8449 section 4). */
    public static final int RECORD_SIZE_LIMIT = 28;
    /** signed_certificate_timestamp (RFC 6962 section 3.3.1). */
    public static final int SIGNED_CERTIFICATE_TIMESTAMP = 18;

    private TlsCodePoints() {
    }
}
