package io.tlswatch.analyzer.x509;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Certificate;

/**
 * Parses the DER of one X.509 certificate (RFC 5280 section 4.1) into a {@link CertificateInfo}.
 * A pure function of the bytes; never throws for bad input.
 *
 * <p>Steps: hash the bytes (hashes exist whatever follows); refuse oversized input; walk the DER
 * framing iteratively ({@link DerStructure}) so the recursive decoder never sees unbounded
 * nesting; decode with Bouncy Castle; read the fields, each hostile sub-structure on its own so
 * one bad extension does not lose the rest.
 */
public final class CertificateParser {
    static {
        BouncyCastleSettings.apply();
    }

    private CertificateParser() {
    }

    /**
     * Never throws for bad input: a certificate that does not parse yields an info with
     * {@link CertificateInfo#parseError()} set (and the hashes of the DER, which always exist).
     */
    public static CertificateInfo parse(byte[] der) {
        return parse(der, 0, der.length);
    }

    /** As {@link #parse(byte[])}, for a certificate inside a larger buffer (no copy). */
    public static CertificateInfo parse(byte[] buf, int offset, int length) {
        return parse(buf, offset, length, new CertificateDigests());
    }

    /**
     * As {@link #parse(byte[])} for a trust anchor: a root taken from a trust store is trusted by
     * configuration, and its self-signature is not checked (RFC 5280 section 6.1.1 d: the anchor's
     * key and name are inputs to path validation, not a certificate to verify). A self-issued
     * anchor counts as self-signed. Skipping the check keeps a 142-root store loading in
     * milliseconds instead of seconds of cold big-number arithmetic.
     */
    public static CertificateInfo parseTrustAnchor(byte[] der) {
        CertificateDigests digests = new CertificateDigests();
        return parse(der, 0, der.length, digests.sha256Hex(der, 0, der.length), digests, false);
    }

    /** As {@link #parse(byte[], int, int)}, reusing the caller's digests. */
    static CertificateInfo parse(byte[] buf, int offset, int length, CertificateDigests digests) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        return parse(buf, offset, length, digests.sha256Hex(buf, offset, length), digests);
    }

    /** As {@link #parse(byte[], int, int)} when the SHA-256 is already known (the cache's key). */
    static CertificateInfo parse(byte[] buf, int offset, int length, String sha256, CertificateDigests digests) {
        return parse(buf, offset, length, sha256, digests, true);
    }

    private static CertificateInfo parse(byte[] buf, int offset, int length, String sha256,
                                         CertificateDigests digests, boolean verifySelfSignature) {
        Objects.checkFromIndexSize(offset, length, buf.length);
        CertificateInfo.Builder builder = CertificateInfo.builder(digests.sha1Hex(buf, offset, length), sha256);
        if (length > CertificateLimits.MAX_DER_BYTES) {
            return builder.failed(CertificateParseError.TOO_LARGE, length + " bytes");
        }
        CertificateParseError framing = DerStructure.check(buf, offset, length, CertificateLimits.MAX_DER_DEPTH);
        if (framing != null) {
            return builder.failed(framing, null);
        }
        Certificate certificate;
        try (ASN1InputStream in = new ASN1InputStream(new ByteArrayInputStream(buf, offset, length), length)) {
            ASN1Primitive decoded = in.readObject();
            certificate = Certificate.getInstance(decoded);
            if (certificate == null) {
                return builder.failed(CertificateParseError.NOT_A_CERTIFICATE, null);
            }
            decodeNames(certificate);
        } catch (IOException e) {
            return builder.failed(CertificateParseError.MALFORMED_DER, BouncyCastleFailures.describe(e));
        } catch (RuntimeException e) { // see BouncyCastleFailures
            return builder.failed(CertificateParseError.NOT_A_CERTIFICATE, BouncyCastleFailures.describe(e));
        }
        try {
            return CertificateReader.read(certificate, buf, offset, length, builder, digests, verifySelfSignature);
        } catch (IOException | RuntimeException e) { // see BouncyCastleFailures
            return builder.failed(CertificateParseError.DECODER_FAILURE, BouncyCastleFailures.describe(e));
        }
    }

    /**
     * Bouncy Castle checks a Name's RDNs only when they are first read; reading them here makes a
     * name that is not RFC 5280's RDNSequence a {@link CertificateParseError#NOT_A_CERTIFICATE}.
     */
    private static void decodeNames(Certificate certificate) {
        for (X500Name name : new X500Name[] {certificate.getSubject(), certificate.getIssuer()}) {
            for (RDN rdn : name.getRDNs()) {
                rdn.getTypesAndValues();
            }
        }
    }
}
