package io.tlswatch.analyzer.quic;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with SHA-256 (RFC 5869) as TLS 1.3 labels it (RFC 8446 §7.1), which is how QUIC derives
 * its Initial secrets and keys (RFC 9001 §5.1, §5.2). Holds one reusable {@link Mac}, so an
 * instance belongs to one thread.
 *
 * <pre>
 *  struct {
 *      uint16 length = Length;
 *      opaque label&lt;7..255&gt; = "tls13 " + Label;
 *      opaque context&lt;0..255&gt; = Context;          always empty here
 *  } HkdfLabel;
 * </pre>
 */
final class Hkdf {
    static final int SHA256_LENGTH = 32;
    static final String TLS13_PREFIX = "tls13 ";
    private static final String HMAC_SHA256 = "HmacSHA256";

    private final Mac mac;

    Hkdf() {
        try {
            mac = Mac.getInstance(HMAC_SHA256);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks HmacSHA256, which every Java SE has", e);
        }
    }

    /** The HkdfLabel bytes for {@code label} (without "tls13 ") and an empty context. */
    static byte[] label(String label, int length) {
        byte[] text = (TLS13_PREFIX + label).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[2 + 1 + text.length + 1];
        out[0] = (byte) (length >>> 8);
        out[1] = (byte) length;
        out[2] = (byte) text.length;
        System.arraycopy(text, 0, out, 3, text.length);
        return out;
    }

    /** HKDF-Extract(salt, IKM): HMAC-SHA256 keyed with the salt over {@code ikm} (RFC 5869 §2.2). */
    byte[] extract(byte[] salt, byte[] ikm, int off, int len) {
        init(salt);
        mac.update(ikm, off, len);
        return mac.doFinal();
    }

    /**
     * HKDF-Expand-Label(secret, label, "", length) with {@code hkdfLabel} from {@link #label}
     * (RFC 8446 §7.1): HKDF-Expand (RFC 5869 §2.3), length at most 255 * 32.
     */
    byte[] expandLabel(byte[] secret, byte[] hkdfLabel, int length) {
        if (length < 0 || length > 255 * SHA256_LENGTH) {
            throw new IllegalArgumentException("HKDF-Expand length " + length);
        }
        byte[] out = new byte[length];
        byte[] block = new byte[0];
        init(secret);
        for (int done = 0, counter = 1; done < length; counter++) {
            mac.update(block);
            mac.update(hkdfLabel);
            mac.update((byte) counter);
            block = mac.doFinal();
            int n = Math.min(block.length, length - done);
            System.arraycopy(block, 0, out, done, n);
            done += n;
        }
        return out;
    }

    private void init(byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, HMAC_SHA256));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 refused a " + key.length + "-byte key", e);
        }
    }
}
