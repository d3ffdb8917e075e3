package io.tlswatch.analyzer.tls;

/**
 * Bounds of what one {@link TlsStreamDecoder} will hold while reassembling a handshake message.
 * A message over its bound is reported as {@link TlsAnomaly#HANDSHAKE_MESSAGE_TOO_LARGE} and
 * skipped. The reassembly buffer grows with the bytes that actually arrive, never with what a
 * length field claims, so a bound costs memory only on flows that send that much.
 *
 * @param maxHandshakeMessageBytes largest body of any handshake message other than Certificate
 * @param maxCertificateMessageBytes largest body of a Certificate message (a chain)
 */
public record TlsLimits(int maxHandshakeMessageBytes, int maxCertificateMessageBytes) {
    /**
     * 64 KiB for hellos and the rest (a ClientHello is at most 64 KiB by its own 2-byte vectors:
     * RFC 8446 §4.1.2), and 512 KiB for Certificate. Real chains are a few KiB and rarely over
     * 30 KiB; clients refuse long before 512 KiB (OpenSSL's default max_cert_list is 100 KiB, Go's
     * crypto/tls 256 KiB), and zeek/tls__tls-fragmented-handshake.pcap in the corpus carries a
     * 339,629-byte Certificate over 21 records of 16 KiB, which this default still reads.
     */
    public static final TlsLimits DEFAULT = new TlsLimits(64 * 1024, 512 * 1024);

    public TlsLimits {
        if (maxHandshakeMessageBytes < 1024 || maxCertificateMessageBytes < 1024) {
            throw new IllegalArgumentException("handshake limits below 1 KiB: " + maxHandshakeMessageBytes
                    + ", " + maxCertificateMessageBytes);
        }
        if (maxHandshakeMessageBytes > 0xffffff || maxCertificateMessageBytes > 0xffffff) {
            throw new IllegalArgumentException("handshake limits above the 2^24-1 a message can claim");
        }
    }

    /** The bound for a message of {@code handshakeType}. */
    public int maxBytes(int handshakeType) {
        return handshakeType == HandshakeLayout.CERTIFICATE ? maxCertificateMessageBytes : maxHandshakeMessageBytes;
    }

    /** The larger of the two bounds: the most one decoder's reassembly buffer may grow to. */
    public int maxAnyMessageBytes() {
        return Math.max(maxHandshakeMessageBytes, maxCertificateMessageBytes);
    }
}
