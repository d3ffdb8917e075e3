package io.tlswatch.analyzer.x509;

import java.util.Objects;

/**
 * The algorithm the issuer signed the certificate with.
 *
 * @param name ECS-style name as in ECS's example and Go's {@code x509.SignatureAlgorithm}:
 *     "SHA256-RSA", "SHA256-RSAPSS", "ECDSA-SHA384", "DSA-SHA1", "Ed25519"; the dotted OID when
 *     unknown
 * @param hash the digest inside the signature, lowercase ("sha256", "sha1", "md5"), null when the
 *     algorithm is unknown or has no separate digest (Ed25519)
 */
public record SignatureAlgorithm(String name, String hash) {

    public SignatureAlgorithm {
        Objects.requireNonNull(name, "name");
    }

    /** MD2, MD4, MD5 and SHA-1 signatures can be forged or are deprecated for certificates. */
    public boolean weakHash() {
        return "md2".equals(hash) || "md4".equals(hash) || "md5".equals(hash) || "sha1".equals(hash);
    }
}
