package io.tlswatch.analyzer.x509;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything we keep of one certificate, parsed once per distinct DER (by SHA-256). Immutable,
 * plain JDK values only.
 *
 * <p>The hashes always exist. When {@link #parseError()} is set nothing else was decoded: objects
 * are null, lists empty, numbers zero. Otherwise subject, issuer, validity, public key and signature
 * algorithm are present and the extension-derived fields are null/empty when the extension is
 * absent. Strings are attacker-controlled text as decoded (escape them on output) and every string
 * and list is bounded by {@link CertificateLimits}, with an anomaly when something was cut.
 */
public final class CertificateInfo {
    private final String sha1;
    private final String sha256;
    private final CertificateParseError parseError;
    private final String parseErrorDetail;
    private final int versionNumber;
    private final String serialNumber;
    private final DistinguishedName subject;
    private final DistinguishedName issuer;
    private final Instant notBefore;
    private final Instant notAfter;
    private final List<String> alternativeNames;
    private final int alternativeNameCount;
    private final PublicKeyInfo publicKey;
    private final SignatureAlgorithm signatureAlgorithm;
    private final CaConstraints caConstraints;
    private final List<String> keyUsage;
    private final List<String> extendedKeyUsage;
    private final int sctCount;
    private final List<String> ocspUris;
    private final List<String> caIssuerUris;
    private final boolean selfIssued;
    private final boolean selfSigned;
    private final String subjectKeyId;
    private final String authorityKeyId;
    private final List<String> unknownCriticalExtensions;
    private final List<String> malformedExtensions;
    private final Set<CertificateAnomaly> anomalies;

    private CertificateInfo(Builder b) {
        sha1 = Objects.requireNonNull(b.sha1, "sha1");
        sha256 = Objects.requireNonNull(b.sha256, "sha256");
        parseError = b.parseError;
        parseErrorDetail = b.parseErrorDetail;
        versionNumber = b.versionNumber;
        serialNumber = b.serialNumber;
        subject = b.subject;
        issuer = b.issuer;
        notBefore = b.notBefore;
        notAfter = b.notAfter;
        alternativeNames = List.copyOf(b.alternativeNames);
        alternativeNameCount = b.alternativeNameCount;
        publicKey = b.publicKey;
        signatureAlgorithm = b.signatureAlgorithm;
        caConstraints = b.caConstraints;
        keyUsage = List.copyOf(b.keyUsage);
        extendedKeyUsage = List.copyOf(b.extendedKeyUsage);
        sctCount = b.sctCount;
        ocspUris = List.copyOf(b.ocspUris);
        caIssuerUris = List.copyOf(b.caIssuerUris);
        selfIssued = b.selfIssued;
        selfSigned = b.selfSigned;
        subjectKeyId = b.subjectKeyId;
        authorityKeyId = b.authorityKeyId;
        unknownCriticalExtensions = List.copyOf(b.unknownCriticalExtensions);
        malformedExtensions = List.copyOf(b.malformedExtensions);
        anomalies = b.anomalies.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(b.anomalies));
    }

    /** Lowercase hex SHA-1 of the DER (ECS {@code hash.sha1}). */
    public String sha1() {
        return sha1;
    }

    /** Lowercase hex SHA-256 of the DER (ECS {@code hash.sha256}); the certificate's identity. */
    public String sha256() {
        return sha256;
    }

    /** True when the DER parsed as a certificate. */
    public boolean isParsed() {
        return parseError == null;
    }

    /** Why the DER did not parse, or null when it did. */
    public CertificateParseError parseError() {
        return parseError;
    }

    /** A short technical detail for {@link #parseError()} (the decoder's complaint), or null. */
    public String parseErrorDetail() {
        return parseErrorDetail;
    }

    /** 1, 2 or 3 (ECS {@code x509.version_number}); 0 when not parsed. */
    public int versionNumber() {
        return versionNumber;
    }

    /**
     * Serial number as uppercase hex without colons, an even number of digits, e.g.
     * {@code 023A69}; negative serials get a leading "-" before their magnitude.
     */
    public String serialNumber() {
        return serialNumber;
    }

    public DistinguishedName subject() {
        return subject;
    }

    public DistinguishedName issuer() {
        return issuer;
    }

    /** Start of validity; null when not parsed or undecodable ({@link CertificateAnomaly#BAD_VALIDITY_TIME}). */
    public Instant notBefore() {
        return notBefore;
    }

    /** End of validity; null when not parsed or undecodable. */
    public Instant notAfter() {
        return notAfter;
    }

    /**
     * Subject alternative names, in certificate order: DNS names and IP addresses as themselves,
     * other types as "type:value" ({@code email:}, {@code uri:}, {@code dirname:},
     * {@code othername:OID:value}, {@code rid:}, {@code x400:}, {@code edipartyname:}).
     * At most {@link CertificateLimits#MAX_ALTERNATIVE_NAMES} are kept.
     */
    public List<String> alternativeNames() {
        return alternativeNames;
    }

    /** How many subject alternative names the certificate holds (kept or not). */
    public int alternativeNameCount() {
        return alternativeNameCount;
    }

    public PublicKeyInfo publicKey() {
        return publicKey;
    }

    public SignatureAlgorithm signatureAlgorithm() {
        return signatureAlgorithm;
    }

    /** basicConstraints, or null when the extension is absent. */
    public CaConstraints caConstraints() {
        return caConstraints;
    }

    /** keyUsage bits by their RFC 5280 section 4.2.1.3 names ("digitalSignature", "keyCertSign"). */
    public List<String> keyUsage() {
        return keyUsage;
    }

    /** extKeyUsage purposes by name ("serverAuth", "clientAuth", ...) or dotted OID. */
    public List<String> extendedKeyUsage() {
        return extendedKeyUsage;
    }

    /** Embedded signed certificate timestamps (RFC 6962 section 3.3); 0 without the extension. */
    public int sctCount() {
        return sctCount;
    }

    /** Authority information access: OCSP responder URIs. */
    public List<String> ocspUris() {
        return ocspUris;
    }

    /** Authority information access: CA issuer certificate URIs. */
    public List<String> caIssuerUris() {
        return caIssuerUris;
    }

    /** Subject and issuer names are equal (RFC 5280 section 6.1 "self-issued"). */
    public boolean selfIssued() {
        return selfIssued;
    }

    /** Self-issued and the signature verifies with the certificate's own key. */
    public boolean selfSigned() {
        return selfSigned;
    }

    /** subjectKeyIdentifier as lowercase hex, or null. */
    public String subjectKeyId() {
        return subjectKeyId;
    }

    /** authorityKeyIdentifier's keyIdentifier as lowercase hex, or null. */
    public String authorityKeyId() {
        return authorityKeyId;
    }

    /**
     * OIDs of critical extensions outside RFC 5280 section 4.2's list: a conforming client that
     * does not know them must reject the certificate.
     */
    public List<String> unknownCriticalExtensions() {
        return unknownCriticalExtensions;
    }

    /** OIDs of extensions whose values did not parse. */
    public List<String> malformedExtensions() {
        return malformedExtensions;
    }

    public Set<CertificateAnomaly> anomalies() {
        return anomalies;
    }

    @Override
    public String toString() {
        return "CertificateInfo[sha256=" + sha256
                + (parseError != null ? ", parseError=" + parseError : ", serial=" + serialNumber) + "]";
    }

    static Builder builder(String sha1, String sha256) {
        return new Builder(sha1, sha256);
    }

    /** Filled in by the parser, one field at a time; only this package builds infos. */
    static final class Builder {
        final String sha1;
        final String sha256;
        CertificateParseError parseError;
        String parseErrorDetail;
        int versionNumber;
        String serialNumber;
        DistinguishedName subject;
        DistinguishedName issuer;
        Instant notBefore;
        Instant notAfter;
        List<String> alternativeNames = List.of();
        int alternativeNameCount;
        PublicKeyInfo publicKey;
        SignatureAlgorithm signatureAlgorithm;
        CaConstraints caConstraints;
        List<String> keyUsage = List.of();
        List<String> extendedKeyUsage = List.of();
        int sctCount;
        List<String> ocspUris = List.of();
        List<String> caIssuerUris = List.of();
        boolean selfIssued;
        boolean selfSigned;
        String subjectKeyId;
        String authorityKeyId;
        List<String> unknownCriticalExtensions = List.of();
        List<String> malformedExtensions = List.of();
        Set<CertificateAnomaly> anomalies = EnumSet.noneOf(CertificateAnomaly.class);

        private Builder(String sha1, String sha256) {
            this.sha1 = sha1;
            this.sha256 = sha256;
        }

        CertificateInfo build() {
            return new CertificateInfo(this);
        }

        /** An info that holds only the hashes and why decoding stopped. */
        CertificateInfo failed(CertificateParseError error, String detail) {
            Builder failed = new Builder(sha1, sha256);
            failed.parseError = error;
            failed.parseErrorDetail = detail;
            return failed.build();
        }
    }
}
