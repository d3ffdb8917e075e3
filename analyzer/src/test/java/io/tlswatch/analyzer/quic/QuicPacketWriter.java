package io.tlswatch.analyzer.quic;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes protected Initial packets of either side and the frames inside them, for tests that need
 * variants of real ones (a hello cut into CRYPTO frames in another order, another DCID after a
 * Retry, a HelloRetryRequest exchange). The protection is the sender's side of RFC 9001 §5.3-5.4,
 * written apart from the code under test; {@code QuicPacketWriterTest} checks it reproduces
 * RFC 9001 Appendix A.2 and A.3 to the byte. Public for the tests of the packages that make
 * sessions of QUIC flows.
 */
public final class QuicPacketWriter {
    private final Hkdf hkdf = new Hkdf();

    /** A QUIC variable-length integer in its shortest encoding (RFC 9000 §16). */
    public static byte[] varInt(long v) {
        if (v < 0x40) {
            return new byte[] {(byte) v};
        }
        if (v < 0x4000) {
            return new byte[] {(byte) (0x40 | v >>> 8), (byte) v};
        }
        if (v < 0x40000000) {
            return new byte[] {(byte) (0x80 | v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
        }
        byte[] out = new byte[8];
        for (int i = 0; i < 8; i++) {
            out[i] = (byte) (v >>> (56 - 8 * i));
        }
        out[0] |= (byte) 0xc0;
        return out;
    }

    /** A CRYPTO frame (RFC 9000 §19.6). */
    public static byte[] crypto(long offset, byte[] data, int from, int to) {
        return concat(new byte[] {0x06}, varInt(offset), varInt(to - from), Arrays.copyOfRange(data, from, to));
    }

    public static byte[] padding(int n) {
        return new byte[n];
    }

    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * A protected client Initial: Length written in two bytes (as RFC 9001 A.2 does), the packet
     * number truncated to {@code pnLength} bytes, {@code frames} encrypted.
     */
    public byte[] clientInitial(int wireVersion, byte[] dcid, byte[] scid, byte[] token, long packetNumber,
            int pnLength, byte[] frames) {
        return clientInitial(wireVersion, dcid, dcid, scid, token, packetNumber, pnLength, frames);
    }

    /**
     * A client Initial to {@code dcid} protected with the keys of {@code keysDcid}: a client's
     * Initials once it has moved to the server's connection ID (RFC 9001 §5.2).
     */
    public byte[] clientInitial(int wireVersion, byte[] keysDcid, byte[] dcid, byte[] scid, byte[] token,
            long packetNumber, int pnLength, byte[] frames) {
        QuicVersion version = QuicVersion.of(wireVersion);
        QuicInitialKeys keys = QuicInitialKeys.client(version, keysDcid, 0, keysDcid.length, hkdf);
        return initial(wireVersion, keys, dcid, scid, token, packetNumber, pnLength, frames);
    }

    /**
     * A server Initial to the client's {@code dcid} (its SCID) from {@code scid}, protected with
     * the server keys of the client's {@code keysDcid} (RFC 9001 §5.2); no token.
     */
    public byte[] serverInitial(int wireVersion, byte[] keysDcid, byte[] dcid, byte[] scid, long packetNumber,
            int pnLength, byte[] frames) {
        return serverInitial(wireVersion, keysDcid, dcid, scid, packetNumber, pnLength, frames, false);
    }

    /** The same, with the fixed bit cleared before protection when {@code quicBitGreased} (RFC 9287). */
    public byte[] serverInitial(int wireVersion, byte[] keysDcid, byte[] dcid, byte[] scid, long packetNumber,
            int pnLength, byte[] frames, boolean quicBitGreased) {
        QuicVersion version = QuicVersion.of(wireVersion);
        QuicInitialKeys keys = QuicInitialKeys.server(version, keysDcid, 0, keysDcid.length, hkdf);
        return initial(wireVersion, keys, dcid, scid, new byte[0], packetNumber, pnLength, frames, quicBitGreased);
    }

    private static byte[] initial(int wireVersion, QuicInitialKeys keys, byte[] dcid, byte[] scid, byte[] token,
            long packetNumber, int pnLength, byte[] frames) {
        return initial(wireVersion, keys, dcid, scid, token, packetNumber, pnLength, frames, false);
    }

    private static byte[] initial(int wireVersion, QuicInitialKeys keys, byte[] dcid, byte[] scid, byte[] token,
            long packetNumber, int pnLength, byte[] frames, boolean quicBitGreased) {
        QuicVersion version = QuicVersion.of(wireVersion);
        int typeBits = version.typeBits(QuicPacketType.INITIAL);
        int length = pnLength + frames.length + QuicLayout.AEAD_TAG_LENGTH;
        byte[] pn = new byte[pnLength];
        for (int i = 0; i < pnLength; i++) {
            pn[i] = (byte) (packetNumber >>> (8 * (pnLength - 1 - i)));
        }
        int fixedBit = quicBitGreased ? 0 : QuicLayout.FIXED_BIT;
        byte[] header = concat(new byte[] {(byte) (0x80 | fixedBit | typeBits << 4 | (pnLength - 1))},
                version(wireVersion),
                new byte[] {(byte) dcid.length}, dcid, new byte[] {(byte) scid.length}, scid,
                varInt(token.length), token, new byte[] {(byte) (0x40 | length >>> 8), (byte) length}, pn);
        byte[] sealed = seal(keys, packetNumber, header, frames);
        byte[] packet = concat(header, sealed);
        protectHeader(keys, packet, header.length - pnLength, pnLength);
        return packet;
    }

    /**
     * A Retry (RFC 9000 §17.2.5) to the client whose first DCID was {@code odcid}, its integrity
     * tag computed as RFC 9001 §5.8 says; {@code unusedBits} fill the first byte's low four bits.
     */
    public static byte[] retry(int wireVersion, int unusedBits, byte[] odcid, byte[] dcid, byte[] scid, byte[] token) {
        QuicVersion version = QuicVersion.of(wireVersion);
        byte[] packet = concat(longHeaderStart(wireVersion, version.typeBits(QuicPacketType.RETRY), dcid, scid),
                token);
        packet[0] |= (byte) unusedBits;
        byte[] pseudo = concat(new byte[] {(byte) odcid.length}, odcid, packet);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(version.retryKey(), "AES"),
                    new GCMParameterSpec(128, version.retryNonce()));
            gcm.updateAAD(pseudo);
            return concat(packet, gcm.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A long header packet of {@code type} whose {@code payloadLength} bytes are opaque (0-RTT, Handshake). */
    public static byte[] opaque(int wireVersion, QuicPacketType type, byte[] dcid, byte[] scid, int payloadLength) {
        int typeBits = QuicVersion.of(wireVersion).typeBits(type);
        byte[] payload = new byte[payloadLength];
        Arrays.fill(payload, (byte) 0x5a);
        return concat(longHeaderStart(wireVersion, typeBits, dcid, scid),
                new byte[] {(byte) (0x40 | payloadLength >>> 8), (byte) payloadLength}, payload);
    }

    private static byte[] longHeaderStart(int wireVersion, int typeBits, byte[] dcid, byte[] scid) {
        return concat(new byte[] {(byte) (0xc0 | typeBits << 4)}, version(wireVersion),
                new byte[] {(byte) dcid.length}, dcid, new byte[] {(byte) scid.length}, scid);
    }

    private static byte[] version(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    private static byte[] seal(QuicInitialKeys keys, long packetNumber, byte[] aad, byte[] plaintext) {
        byte[] nonce = keys.iv();
        for (int i = 0; i < 8; i++) {
            nonce[nonce.length - 1 - i] ^= (byte) (packetNumber >>> (8 * i));
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.key(), "AES"), new GCMParameterSpec(128, nonce));
            gcm.updateAAD(aad);
            return gcm.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void protectHeader(QuicInitialKeys keys, byte[] packet, int pnOffset, int pnLength) {
        try {
            Cipher ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(keys.hp(), "AES"));
            byte[] mask = ecb.doFinal(packet, pnOffset + 4, 16);
            packet[0] ^= mask[0] & 0x0f;
            for (int i = 0; i < pnLength; i++) {
                packet[pnOffset + i] ^= mask[1 + i];
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
