package io.tlswatch.analyzer.privacy;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * Crypto-PAn, the keyed prefix-preserving address pseudonymisation of Xu, Fan, Ammar and Moon
 * ("Prefix-Preserving IP Address Anonymization", ICNP 2002), for IPv4 and, bit for bit the same
 * construction over 128 bits, IPv6: two addresses that share their first {@code k} bits have
 * pseudonyms that share exactly their first {@code k} bits, so subnets stay comparable, while an
 * address cannot be told from its pseudonym without the key.
 *
 * <p>The 32-byte key is an AES-128 key (its first 16 bytes) and the seed of a pad (the AES
 * encryption of its last 16 bytes). Bit {@code i} of the pseudonym is bit {@code i} of the
 * address XOR the first bit of AES(the address's first {@code i} bits followed by the pad's
 * remaining bits). IPv4 is the reference implementation's construction and matches its
 * published sample; IPv6 is the same construction over 128 bits, as Yawning Angel's Go
 * implementation does it, whose test vectors it matches.
 *
 * <p>Costs 32 (IPv4) or 128 (IPv6) AES block encryptions and a few small arrays per address: meant
 * for once per session, not per packet. Not thread-safe (one cipher): one per thread.
 */
public final class CryptoPan {
    /** Bytes of a key: an AES-128 key and a pad seed. */
    public static final int KEY_LENGTH = 32;
    private static final int BLOCK = 16;

    private final Cipher aes;
    private final byte[] pad;
    private final byte[] block = new byte[BLOCK];
    private final byte[] out = new byte[BLOCK];

    /** @throws IllegalArgumentException unless {@code key} is {@value #KEY_LENGTH} bytes */
    public CryptoPan(byte[] key) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("a Crypto-PAn key is " + KEY_LENGTH + " bytes, not " + key.length);
        }
        try {
            aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(key, BLOCK), "AES"));
            pad = aes.doFinal(Arrays.copyOfRange(key, BLOCK, KEY_LENGTH));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks AES/ECB/NoPadding", e);
        }
    }

    /**
     * The pseudonym of an address of 4 (IPv4) or 16 (IPv6) bytes, in network order, as a new array.
     *
     * @throws IllegalArgumentException for any other length
     */
    public byte[] pseudonymise(byte[] address) {
        if (address.length != 4 && address.length != BLOCK) {
            throw new IllegalArgumentException("an address is 4 or 16 bytes, not " + address.length);
        }
        byte[] pseudonym = address.clone();
        int bits = address.length * 8;
        for (int i = 0; i < bits; i++) {
            prefixThenPad(address, i);
            encryptBlock();
            if ((out[0] & 0x80) != 0) {
                pseudonym[i >>> 3] ^= (byte) (0x80 >>> (i & 7));
            }
        }
        return pseudonym;
    }

    /** The block of the address's first {@code prefixBits} bits followed by the pad's other bits. */
    private void prefixThenPad(byte[] address, int prefixBits) {
        System.arraycopy(pad, 0, block, 0, BLOCK);
        int whole = prefixBits >>> 3;
        System.arraycopy(address, 0, block, 0, whole);
        int rest = prefixBits & 7;
        if (rest != 0) {
            int mask = 0xff00 >>> rest & 0xff;
            block[whole] = (byte) (address[whole] & mask | pad[whole] & ~mask);
        }
    }

    private void encryptBlock() {
        try {
            aes.doFinal(block, 0, BLOCK, out, 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES failed on one block", e);
        }
    }
}
