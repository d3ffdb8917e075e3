package io.tlswatch.analyzer.quic;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a Retry's integrity tag (RFC 9001 §5.8, RFC 9369 §3.3.3): AES-128-GCM with the version's
 * fixed key and nonce, empty plaintext, over the Retry pseudo-packet, which only someone who saw
 * the client's first DCID can build. A Retry that fails is forged or damaged and must not move
 * the client's keys.
 *
 * <pre>
 *  Retry Pseudo-Packet {
 *    ODCID Length (8),
 *    Original Destination Connection ID (0..160),
 *    the Retry packet as sent, without its 16-byte Retry Integrity Tag
 *  }
 * </pre>
 *
 * Holds its Cipher and scratch buffer, so an instance belongs to one thread.
 */
final class RetryIntegrity {
    /** The tag verifies. */
    static final int VERIFIED = 0;
    /** The tag does not verify. */
    static final int INVALID = 1;
    /** The version's Retry key is not known (drafts): nothing to check with. */
    static final int NO_KEY = 2;

    private static final int GCM_TAG_BITS = QuicLayout.RETRY_INTEGRITY_TAG_LENGTH * 8;

    private final Cipher gcm;
    private byte[] pseudoPacket = new byte[512];

    RetryIntegrity() {
        try {
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/GCM, which every Java SE has", e);
        }
    }

    /** Checks the Retry {@code h} in {@code b} against the client's original DCID {@code odcid}. */
    int verify(QuicPacketHeader h, byte[] b, byte[] odcid) {
        QuicVersion version = h.version();
        if (version.retryKey() == null) {
            return NO_KEY;
        }
        int tagOffset = h.end() - QuicLayout.RETRY_INTEGRITY_TAG_LENGTH;
        int retryLength = tagOffset - h.start();
        int length = 1 + odcid.length + retryLength;
        if (pseudoPacket.length < length) {
            pseudoPacket = Arrays.copyOf(pseudoPacket, Math.max(length, 2 * pseudoPacket.length));
        }
        pseudoPacket[0] = (byte) odcid.length;
        System.arraycopy(odcid, 0, pseudoPacket, 1, odcid.length);
        System.arraycopy(b, h.start(), pseudoPacket, 1 + odcid.length, retryLength);
        try {
            gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(version.retryKey(), "AES"),
                    new GCMParameterSpec(GCM_TAG_BITS, version.retryNonce()));
            gcm.updateAAD(pseudoPacket, 0, length);
            gcm.doFinal(b, tagOffset, QuicLayout.RETRY_INTEGRITY_TAG_LENGTH);
            return VERIFIED;
        } catch (GeneralSecurityException e) {
            return INVALID;
        }
    }
}
