package io.tlswatch.analyzer.x509.synth;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The certificates a server sends, leaf first, as DER, and what the handshake around them depends
 * on: whether the leaf's key is RSA (else EC P-256). The arrays are shared; callers do not change them.
 *
 * @param certificates leaf first, then the CAs the server sends
 * @param rsaKey       the leaf has an RSA key
 */
public record ServerChain(List<byte[]> certificates, boolean rsaKey) {

    public ServerChain {
        certificates = List.copyOf(certificates);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("a chain holds at least the leaf");
        }
    }

    public byte[] leaf() {
        return certificates.get(0);
    }

    /** Lowercase hex SHA-256 of the leaf's DER, as session documents name it. */
    public String leafSha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /** Bytes of all the certificates together. */
    public int length() {
        int n = 0;
        for (byte[] der : certificates) {
            n += der.length;
        }
        return n;
    }
}
