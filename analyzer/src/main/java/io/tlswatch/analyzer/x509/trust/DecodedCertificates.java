package io.tlswatch.analyzer.x509.trust;

/**
 * A validator's decoded certificates by SHA-256, least recently used evicted, so that the
 * intermediates many chains share are parsed once and their verified signatures remembered.
 * Only certificates that parsed are kept. Single-threaded, like its validator.
 */
final class DecodedCertificates {
    private final LruMap<String, ChainCertificate> entries;

    DecodedCertificates(int maxEntries) {
        this.entries = new LruMap<>(maxEntries);
    }

    /** The decoded certificate for {@code der} whose SHA-256 is {@code sha256}; null when it does not parse. */
    ChainCertificate get(String sha256, byte[] der) {
        ChainCertificate cached = entries.get(sha256);
        if (cached != null) {
            return cached;
        }
        ChainCertificate decoded = ChainCertificate.decode(der);
        if (decoded != null) {
            entries.put(sha256, decoded);
        }
        return decoded;
    }

    long evictions() {
        return entries.evictions();
    }
}
