package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.x509.CertificateInfo;

/**
 * One root a {@link TrustStore} trusts: a name and a key (RFC 5280 section 6.1.1 (d)), carried by
 * a certificate. Immutable and shared by every validator.
 */
public final class TrustAnchor {
    private final ChainCertificate certificate;
    private final String source;

    TrustAnchor(ChainCertificate certificate, String source) {
        this.certificate = certificate;
        this.source = source;
    }

    /** The anchor's certificate as the X.509 parser read it (names, validity, key, extensions). */
    public CertificateInfo certificate() {
        return certificate.info();
    }

    /** The subject as an RFC 4514 string, e.g. {@code CN=ISRG Root X1,O=Internet Security Research Group,C=US}. */
    public String subject() {
        return certificate.info().subject().distinguishedName();
    }

    /** Lowercase hex SHA-256 of the anchor certificate's DER. */
    public String certificateSha256() {
        return certificate.sha256();
    }

    /** Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo (the pin browsers use). */
    public String spkiSha256() {
        return certificate.info().publicKey().spkiSha256();
    }

    /** subjectKeyIdentifier as lowercase hex, or null. */
    public String subjectKeyId() {
        return certificate.info().subjectKeyId();
    }

    /** Where the anchor was loaded from: a bundle's file name or the label the caller gave. */
    public String source() {
        return source;
    }

    ChainCertificate decoded() {
        return certificate;
    }

    @Override
    public String toString() {
        return "TrustAnchor[" + subject() + ", " + certificateSha256() + ", from " + source + "]";
    }
}
