package io.tlswatch.analyzer.quic;

import java.util.HexFormat;

/**
 * The QUIC versions whose Initial packets this package can open: each one's initial salt, the
 * labels it derives packet protection keys with, and how it numbers long packet types.
 *
 * <ul>
 * <li>{@link #V1}: RFC 9001 §5.2 (salt) and §5.1 ("quic key", "quic iv", "quic hp"); also
 * drafts 33 and 34, which already used the final salt;</li>
 * <li>{@link #V2}: RFC 9369 §3.3.1 (salt), §3.3.2 ("quicv2 key", "quicv2 iv", "quicv2 hp") and
 * §3.2 (packet types renumbered: Retry 0, Initial 1, 0-RTT 2, Handshake 3);</li>
 * <li>{@link #DRAFT_29}: draft-ietf-quic-tls-29 to -32;</li>
 * <li>{@link #DRAFT_23}: drafts 23 to 28 and Facebook's mvfst versions 0xfaceb002 and
 * 0xfaceb00e;</li>
 * <li>{@link #DRAFT_22}: draft 22 and mvfst's 0xfaceb001.</li>
 * </ul>
 * The draft salts come from the drafts' §5.2 and are checked against real captures in the tests.
 * The Retry integrity key and nonce are known for v1 (RFC 9001 §5.8) and v2 (RFC 9369 §3.3.3)
 * only; a draft's Retry is taken unverified.
 * Google QUIC (Q0xx, T0xx), the reserved versions and anything else are not openable.
 */
public enum QuicVersion {
    V1("38762cf7f55934b34d179ae6a4c80cadccbb7f0a", "quic ", false,
            "be0c690b9f66575a1d766b54e368c84e", "461599d35d632bf2239825bb"),
    V2("0dede3def700a6db819381be6e269dcbf9bd2ed9", "quicv2 ", true,
            "8fb4b01b56ac48e260fbcbcead7ccc92", "d86969bc2d7c6d9990efb04a"),
    DRAFT_29("afbfec289993d24c9e9786f19c6111e04390a899", "quic ", false, null, null),
    DRAFT_23("c3eef712c72ebb5a11a7d2432bb46365bef9f502", "quic ", false, null, null),
    DRAFT_22("7fbcdb0e7c66bbe9193a96cd21519ebd7a02644a", "quic ", false, null, null);

    private static final int MVFST_DRAFT_22 = 0xfaceb001;
    private static final int MVFST_DRAFT_27 = 0xfaceb002;
    private static final int MVFST_EXPERIMENTAL = 0xfaceb00e;
    private static final QuicPacketType[] TYPES = QuicPacketType.values();

    private final byte[] initialSalt;
    private final byte[] clientInLabel;
    private final byte[] serverInLabel;
    private final byte[] keyLabel;
    private final byte[] ivLabel;
    private final byte[] hpLabel;
    /** v1 numbers the types in {@link QuicPacketType} order; v2 adds 1 to each, modulo 4. */
    private final int typeRotation;
    private final byte[] retryKey;
    private final byte[] retryNonce;

    QuicVersion(String saltHex, String labelPrefix, boolean v2Types, String retryKeyHex, String retryNonceHex) {
        this.initialSalt = HexFormat.of().parseHex(saltHex);
        this.clientInLabel = Hkdf.label("client in", Hkdf.SHA256_LENGTH);
        this.serverInLabel = Hkdf.label("server in", Hkdf.SHA256_LENGTH);
        this.keyLabel = Hkdf.label(labelPrefix + "key", QuicInitialKeys.KEY_LENGTH);
        this.ivLabel = Hkdf.label(labelPrefix + "iv", QuicInitialKeys.IV_LENGTH);
        this.hpLabel = Hkdf.label(labelPrefix + "hp", QuicInitialKeys.HP_KEY_LENGTH);
        this.typeRotation = v2Types ? 1 : 0;
        this.retryKey = retryKeyHex == null ? null : HexFormat.of().parseHex(retryKeyHex);
        this.retryNonce = retryNonceHex == null ? null : HexFormat.of().parseHex(retryNonceHex);
    }

    /** The version whose Initial keys protect packets carrying {@code wireVersion}, or null. */
    public static QuicVersion of(int wireVersion) {
        switch (wireVersion) {
            case QuicLayout.VERSION_1:
                return V1;
            case QuicLayout.VERSION_2:
                return V2;
            case MVFST_DRAFT_22:
                return DRAFT_22;
            case MVFST_DRAFT_27:
            case MVFST_EXPERIMENTAL:
                return DRAFT_23;
            default:
                return ofDraft(QuicLayout.draftNumber(wireVersion));
        }
    }

    private static QuicVersion ofDraft(int draft) {
        if (draft >= 33 && draft <= 34) {
            return V1;
        }
        if (draft >= 29 && draft <= 32) {
            return DRAFT_29;
        }
        if (draft >= 23 && draft <= 28) {
            return DRAFT_23;
        }
        return draft == 22 ? DRAFT_22 : null;
    }

    /** The packet type that the two long packet type bits stand for in this version. */
    public QuicPacketType packetType(int typeBits) {
        return TYPES[(typeBits - typeRotation) & 3];
    }

    /** The two long packet type bits of {@code type} in this version. */
    public int typeBits(QuicPacketType type) {
        return (type.ordinal() + typeRotation) & 3;
    }

    byte[] initialSalt() {
        return initialSalt;
    }

    /** HkdfLabel for "client in" (RFC 9001 §5.2), ready for {@link Hkdf#expandLabel}. */
    byte[] clientInLabel() {
        return clientInLabel;
    }

    /** HkdfLabel for "server in" (RFC 9001 §5.2): the server's Initial secret, in every version. */
    byte[] serverInLabel() {
        return serverInLabel;
    }

    byte[] keyLabel() {
        return keyLabel;
    }

    byte[] ivLabel() {
        return ivLabel;
    }

    byte[] hpLabel() {
        return hpLabel;
    }

    /** The AES-128-GCM key of the Retry Integrity Tag, or null where unknown (drafts). */
    byte[] retryKey() {
        return retryKey;
    }

    /** The nonce of the Retry Integrity Tag, or null where unknown. */
    byte[] retryNonce() {
        return retryNonce;
    }
}
