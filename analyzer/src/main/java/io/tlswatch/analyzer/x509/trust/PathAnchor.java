package io.tlswatch.analyzer.x509.trust;

import java.util.Objects;

/**
 * Where a path ends: a root of the trust store, or a self-signed root the server sent.
 *
 * @param subject the root's subject as an RFC 4514 string
 * @param certificateSha256 lowercase hex SHA-256 of the root certificate's DER (the store's copy
 *     when it came from the store)
 * @param spkiSha256 lowercase hex SHA-256 of its SubjectPublicKeyInfo
 * @param inTrustStore the root is one of the store's anchors (matched by name and key)
 * @param sentByServer the server sent this root (or a certificate with its name and key)
 */
public record PathAnchor(String subject, String certificateSha256, String spkiSha256,
                         boolean inTrustStore, boolean sentByServer) {
    public PathAnchor {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(spkiSha256, "spkiSha256");
    }

    static PathAnchor of(ChainCertificate root, boolean inTrustStore, boolean sentByServer) {
        return new PathAnchor(root.info().subject().distinguishedName(), root.sha256(),
                root.info().publicKey().spkiSha256(), inTrustStore, sentByServer);
    }
}
