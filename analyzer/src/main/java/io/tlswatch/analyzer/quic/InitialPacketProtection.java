package io.tlswatch.analyzer.quic;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Opens one Initial packet: removes header protection (RFC 9001 §5.4.1, AES-based per §5.4.3),
 * recovers the full packet number (RFC 9000 §17.1 and Appendix A.3) and decrypts the payload with
 * AEAD_AES_128_GCM (RFC 9001 §5.3: nonce = IV XOR packet number, associated data = the
 * unprotected header).
 *
 * <pre>
 *  sample = 16 bytes from packet_number_offset + 4
 *  mask   = AES-ECB(hp, sample)
 *  first_byte     ^= mask[0] &amp; 0x0f          (long header)
 *  packet_number  ^= mask[1 .. pn_length]
 * </pre>
 *
 * The caller's bytes are never written: the header is unmasked into a scratch copy and the
 * plaintext lands in a scratch buffer, valid until the next {@link #open}. Holds its Ciphers and
 * buffers for reuse, so an instance belongs to one thread; what it allocates per packet is what
 * the JDK's GCM needs.
 */
final class InitialPacketProtection {
    /** Opened: {@link #plaintext()} holds the frames. */
    static final int OPENED = 0;
    /** Too short to sample for header protection, or no room for the tag (§5.4.2). */
    static final int TOO_SHORT = 1;
    /** The AEAD tag does not verify: wrong keys or damaged bytes. */
    static final int FAILED = 2;

    private static final int GCM_TAG_BITS = QuicLayout.AEAD_TAG_LENGTH * 8;
    private static final int FIRST_SCRATCH = 2048;

    private final Cipher headerCipher;
    private final Cipher payloadCipher;
    private final byte[] mask = new byte[QuicLayout.SAMPLE_LENGTH];
    private final byte[] nonce = new byte[QuicInitialKeys.IV_LENGTH];
    private byte[] header = new byte[FIRST_SCRATCH];
    private byte[] plaintext = new byte[FIRST_SCRATCH];
    private int plaintextLength;
    private int unprotectedHeaderLength;
    private long packetNumber;
    private int unprotectedFirstByte;

    InitialPacketProtection() {
        try {
            headerCipher = Cipher.getInstance("AES/ECB/NoPadding");
            payloadCipher = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/ECB or AES/GCM, which every Java SE has", e);
        }
    }

    /**
     * Opens the Initial packet {@code h} (parsed from {@code b}) with {@code keys}.
     *
     * @param largestPacketNumber the largest packet number opened so far in this connection's
     *        Initial space, -1 before the first
     * @return {@link #OPENED}, {@link #TOO_SHORT} or {@link #FAILED}
     */
    int open(byte[] b, QuicPacketHeader h, QuicInitialKeys keys, long largestPacketNumber) {
        int pnOffset = h.packetNumberOffset();
        int sampleOffset = pnOffset + QuicLayout.SAMPLE_OFFSET_FROM_PACKET_NUMBER;
        if (h.end() - sampleOffset < QuicLayout.SAMPLE_LENGTH) {
            return TOO_SHORT;
        }
        if (!headerMask(b, sampleOffset, keys)) {
            return FAILED;
        }
        int headerLength = pnOffset - h.start();
        header = ensure(header, headerLength + QuicLayout.MAX_PACKET_NUMBER_LENGTH);
        System.arraycopy(b, h.start(), header, 0, headerLength + QuicLayout.MAX_PACKET_NUMBER_LENGTH);
        header[0] ^= mask[0] & QuicLayout.LONG_HEADER_PROTECTED_BITS;
        unprotectedFirstByte = header[0] & 0xff;
        int pnLength = QuicLayout.packetNumberLength(unprotectedFirstByte);
        long truncated = 0;
        for (int i = 0; i < pnLength; i++) {
            header[headerLength + i] ^= mask[1 + i];
            truncated = truncated << 8 | header[headerLength + i] & 0xff;
        }
        packetNumber = decodePacketNumber(largestPacketNumber, truncated, pnLength * 8);
        int aadLength = headerLength + pnLength;
        unprotectedHeaderLength = aadLength;
        int payloadOffset = pnOffset + pnLength;
        return decrypt(b, payloadOffset, h.end() - payloadOffset, aadLength, keys);
    }

    private boolean headerMask(byte[] b, int sampleOffset, QuicInitialKeys keys) {
        try {
            headerCipher.init(Cipher.ENCRYPT_MODE, keys.hpKey());
            headerCipher.doFinal(b, sampleOffset, QuicLayout.SAMPLE_LENGTH, mask, 0);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private int decrypt(byte[] b, int off, int len, int aadLength, QuicInitialKeys keys) {
        byte[] iv = keys.ivBytes();
        System.arraycopy(iv, 0, nonce, 0, iv.length);
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (packetNumber >>> (8 * i));
        }
        plaintext = ensure(plaintext, len);
        try {
            payloadCipher.init(Cipher.DECRYPT_MODE, keys.aeadKey(), new GCMParameterSpec(GCM_TAG_BITS, nonce));
            payloadCipher.updateAAD(header, 0, aadLength);
            plaintextLength = payloadCipher.doFinal(b, off, len, plaintext, 0);
            return OPENED;
        } catch (GeneralSecurityException e) {
            plaintextLength = 0;
            return FAILED;
        }
    }

    /**
     * The full packet number nearest to the next expected one that ends in {@code truncated}
     * (RFC 9000 Appendix A.3).
     */
    static long decodePacketNumber(long largest, long truncated, int bits) {
        long expected = largest + 1;
        long window = 1L << bits;
        long halfWindow = window / 2;
        long candidate = (expected & ~(window - 1)) | truncated;
        if (candidate <= expected - halfWindow && candidate < (1L << 62) - window) {
            return candidate + window;
        }
        if (candidate > expected + halfWindow && candidate >= window) {
            return candidate - window;
        }
        return candidate;
    }

    private static byte[] ensure(byte[] buffer, int needed) {
        return buffer.length >= needed ? buffer : Arrays.copyOf(buffer, Math.max(needed, 2 * buffer.length));
    }

    /** The decrypted frames of the last packet opened; valid until the next {@link #open}. */
    byte[] plaintext() {
        return plaintext;
    }

    int plaintextLength() {
        return plaintextLength;
    }

    /** The full packet number of the last packet opened. */
    long packetNumber() {
        return packetNumber;
    }

    /** A copy of the last header unmasked (the AEAD's associated data), for diagnostics. */
    byte[] unprotectedHeader() {
        return Arrays.copyOf(header, unprotectedHeaderLength);
    }

    /** The first byte of the last packet opened, header protection removed. */
    int unprotectedFirstByte() {
        return unprotectedFirstByte;
    }
}
