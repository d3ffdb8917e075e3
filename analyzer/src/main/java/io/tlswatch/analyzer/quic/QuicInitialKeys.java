package io.tlswatch.analyzer.quic;

import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * One side's Initial packet protection for one version and one Destination Connection ID
 * (RFC 9001 §5.2): an AEAD_AES_128_GCM key and IV, and the AES-128 header protection key. Both
 * sides' keys come from the DCID of the client's first Initial (after a Retry, from the DCID the
 * client then uses), so an observer who saw it derives them too.
 *
 * <pre>
 *  initial_secret        = HKDF-Extract(initial_salt, client_dst_connection_id)
 *  client_initial_secret = HKDF-Expand-Label(initial_secret, "client in", "", 32)
 *  server_initial_secret = HKDF-Expand-Label(initial_secret, "server in", "", 32)
 *  key = HKDF-Expand-Label(side's secret, "quic key", "", 16)     "quicv2 key" in v2
 *  iv  = HKDF-Expand-Label(side's secret, "quic iv", "", 12)      "quicv2 iv"
 *  hp  = HKDF-Expand-Label(side's secret, "quic hp", "", 16)      "quicv2 hp"
 * </pre>
 *
 * Derived once per connection ID and side (a few HMACs) and kept by the connection; immutable.
 */
final class QuicInitialKeys {
    static final int KEY_LENGTH = 16;
    static final int IV_LENGTH = 12;
    static final int HP_KEY_LENGTH = 16;
    private static final String AES = "AES";

    private final QuicVersion version;
    private final byte[] connectionId;
    private final byte[] key;
    private final byte[] iv;
    private final byte[] hp;
    private final SecretKeySpec aeadKey;
    private final SecretKeySpec hpKey;

    private QuicInitialKeys(QuicVersion version, byte[] connectionId, byte[] key, byte[] iv, byte[] hp) {
        this.version = version;
        this.connectionId = connectionId;
        this.key = key;
        this.iv = iv;
        this.hp = hp;
        this.aeadKey = new SecretKeySpec(key, AES);
        this.hpKey = new SecretKeySpec(hp, AES);
    }

    /** The client's Initial keys for a DCID of {@code len} bytes at {@code b[off]}. */
    static QuicInitialKeys client(QuicVersion version, byte[] b, int off, int len, Hkdf hkdf) {
        return ofSide(version, b, off, len, version.clientInLabel(), hkdf);
    }

    /** The server's Initial keys for the client's DCID of {@code len} bytes at {@code b[off]}. */
    static QuicInitialKeys server(QuicVersion version, byte[] b, int off, int len, Hkdf hkdf) {
        return ofSide(version, b, off, len, version.serverInLabel(), hkdf);
    }

    private static QuicInitialKeys ofSide(QuicVersion version, byte[] b, int off, int len, byte[] sideLabel,
            Hkdf hkdf) {
        byte[] initialSecret = hkdf.extract(version.initialSalt(), b, off, len);
        byte[] sideSecret = hkdf.expandLabel(initialSecret, sideLabel, Hkdf.SHA256_LENGTH);
        return fromSecret(version, Arrays.copyOfRange(b, off, off + len), sideSecret, hkdf);
    }

    /** Packet protection keys from a traffic secret (RFC 9001 §5.1), labelled per {@code version}. */
    static QuicInitialKeys fromSecret(QuicVersion version, byte[] connectionId, byte[] secret, Hkdf hkdf) {
        return new QuicInitialKeys(version, connectionId,
                hkdf.expandLabel(secret, version.keyLabel(), KEY_LENGTH),
                hkdf.expandLabel(secret, version.ivLabel(), IV_LENGTH),
                hkdf.expandLabel(secret, version.hpLabel(), HP_KEY_LENGTH));
    }

    /** Whether these are the keys of {@code version} for the connection ID at {@code b[off]}. */
    boolean isFor(QuicVersion version, byte[] b, int off, int len) {
        return this.version == version && Arrays.equals(connectionId, 0, connectionId.length, b, off, off + len);
    }

    QuicVersion version() {
        return version;
    }

    SecretKeySpec aeadKey() {
        return aeadKey;
    }

    SecretKeySpec hpKey() {
        return hpKey;
    }

    /** The IV, not a copy: the caller XORs it into its own nonce buffer without writing to it. */
    byte[] ivBytes() {
        return iv;
    }

    byte[] key() {
        return key.clone();
    }

    byte[] iv() {
        return iv.clone();
    }

    byte[] hp() {
        return hp.clone();
    }
}
