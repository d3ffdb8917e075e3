package io.tlswatch.analyzer.x509.trust;

import java.util.Arrays;

/**
 * A subject or issuer name as its exact DER encoding, for issuer lookup. Names are chained by
 * byte equality, as mozilla::pkix and Go's crypto/x509 do: RFC 5280 section 7.1 allows a more
 * lenient comparison, but exact bytes cannot be fooled by canonicalisation and cost one
 * {@link Arrays#equals} per candidate.
 */
final class NameKey {
    private final byte[] der;
    private final int hash;

    NameKey(byte[] der) {
        this.der = der;
        this.hash = Arrays.hashCode(der);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameKey that && hash == that.hash && Arrays.equals(der, that.der);
    }

    @Override
    public int hashCode() {
        return hash;
    }
}
