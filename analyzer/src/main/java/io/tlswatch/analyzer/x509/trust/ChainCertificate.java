package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * One certificate as path building needs it: what the X.509 parser read ({@link CertificateInfo})
 * plus the decoded structure for signature checks, the names as lookup keys, and where the signed
 * bytes are. Made only from DER that {@link CertificateParser} accepted, so its framing and depth
 * are already bounded.
 *
 * <p>Store anchors are shared by every validator (and thread): their only mutable state is the
 * verifier, published through a volatile field and idempotent. The signature memo is touched only
 * through certificates a single {@link ChainValidator} decoded (path children are never anchors).
 */
final class ChainCertificate {
    /** Signature results remembered per child, by issuer SHA-256 (a child has one or two issuers). */
    private static final int MAX_REMEMBERED_ISSUERS = 8;

    private final CertificateInfo info;
    private final Certificate certificate;
    private final byte[] der;
    private final NameKey subject;
    private final NameKey issuer;
    private final int tbsOffset;
    private final int tbsLength;
    private volatile SignatureCheck.Verifier verifier;
    private Map<String, SignatureCheck.Result> issuerResults;

    private ChainCertificate(CertificateInfo info, Certificate certificate, byte[] der, int tbsOffset, int tbsLength)
            throws IOException {
        this.info = info;
        this.certificate = certificate;
        this.der = der;
        this.subject = new NameKey(certificate.getSubject().getEncoded(ASN1Encoding.DER));
        this.issuer = new NameKey(certificate.getIssuer().getEncoded(ASN1Encoding.DER));
        this.tbsOffset = tbsOffset;
        this.tbsLength = tbsLength;
    }

    /**
     * The certificate in {@code der} (copied: the caller's buffer may be reused), or null when it
     * does not parse. Never throws for bad input.
     */
    static ChainCertificate decode(byte[] der) {
        return decode(CertificateParser.parse(der), der);
    }

    /** As {@link #decode(byte[])} when the X.509 parser already ran; null unless it parsed. */
    static ChainCertificate decode(CertificateInfo info, byte[] der) {
        if (!info.isParsed()) {
            return null;
        }
        byte[] copy = der.clone();
        int tbsOffset = CertificateLayout.tbsOffset(copy);
        int tbsLength = CertificateLayout.tbsLength(copy);
        if (tbsOffset == CertificateLayout.NOT_FOUND || tbsLength == CertificateLayout.NOT_FOUND) {
            return null;
        }
        try {
            Certificate certificate = Certificate.getInstance(ASN1Primitive.fromByteArray(copy));
            return new ChainCertificate(info, certificate, copy, tbsOffset, tbsLength);
        } catch (IOException | RuntimeException undecodable) { // see BouncyCastleFailures in the x509 package
            return null;
        }
    }

    CertificateInfo info() {
        return info;
    }

    Certificate certificate() {
        return certificate;
    }

    String sha256() {
        return info.sha256();
    }

    NameKey subject() {
        return subject;
    }

    NameKey issuer() {
        return issuer;
    }

    /** Subject and issuer are the same name (RFC 5280 section 6.1 "self-issued"). */
    boolean selfIssued() {
        return subject.equals(issuer);
    }

    /** Same subject name and same public key: the same CA for path building (RFC 5280 section 6.1.1 (d)). */
    boolean sameNameAndKey(ChainCertificate other) {
        return subject.equals(other.subject) && info.publicKey().spkiSha256().equals(other.info.publicKey().spkiSha256());
    }

    /** The bytes the issuer signed. */
    byte[] der() {
        return der;
    }

    int tbsOffset() {
        return tbsOffset;
    }

    int tbsLength() {
        return tbsLength;
    }

    /** The verifier for signatures made with this certificate's key, built on first use. */
    SignatureCheck.Verifier verifier() {
        SignatureCheck.Verifier built = verifier;
        if (built == null) {
            built = SignatureCheck.verifierFor(this);
            verifier = built;
        }
        return built;
    }

    /** A remembered result of checking this certificate's signature with {@code issuerSha256}'s key. */
    SignatureCheck.Result rememberedResult(String issuerSha256) {
        return issuerResults == null ? null : issuerResults.get(issuerSha256);
    }

    void remember(String issuerSha256, SignatureCheck.Result result) {
        if (issuerResults == null) {
            issuerResults = new HashMap<>(4);
        }
        if (issuerResults.size() < MAX_REMEMBERED_ISSUERS) {
            issuerResults.put(issuerSha256, result);
        }
    }

    @Override
    public String toString() {
        return "ChainCertificate[" + info.subject().distinguishedName() + ", " + sha256() + "]";
    }
}
