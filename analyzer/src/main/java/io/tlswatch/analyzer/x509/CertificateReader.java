package io.tlswatch.analyzer.x509;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.Time;

/**
 * Fills a {@link CertificateInfo.Builder} from a decoded certificate (RFC 5280 section 4.1): the
 * TBS fields here, the extensions through {@link ExtensionsReader}, the key through
 * {@link PublicKeyReader}.
 */
final class CertificateReader {
    /** RFC 5280 section 4.1.2.2: serial numbers are at most 20 octets. */
    private static final int MAX_CONFORMING_SERIAL_OCTETS = 20;

    private CertificateReader() {
    }

    static CertificateInfo read(Certificate certificate, byte[] buf, int offset, int length,
                                CertificateInfo.Builder b, CertificateDigests digests, boolean verifySelfSignature) throws IOException {
        ParseNotes notes = new ParseNotes();
        b.versionNumber = certificate.getVersionNumber();
        b.serialNumber = serialHex(certificate.getSerialNumber().getValue(), notes);
        b.subject = NameReader.read(certificate.getSubject(), notes);
        b.issuer = NameReader.read(certificate.getIssuer(), notes);
        b.notBefore = instant(certificate.getStartDate(), notes);
        b.notAfter = instant(certificate.getEndDate(), notes);
        byte[] spki = certificate.getSubjectPublicKeyInfo().getEncoded(ASN1Encoding.DER);
        b.publicKey = PublicKeyReader.read(certificate.getSubjectPublicKeyInfo(),
                digests.sha256Hex(spki, 0, spki.length), notes);
        b.signatureAlgorithm = SignatureAlgorithms.of(certificate.getSignatureAlgorithm());
        if (!certificate.getSignatureAlgorithm().equals(certificate.getTBSCertificate().getSignature())) {
            notes.note(CertificateAnomaly.SIGNATURE_ALGORITHM_MISMATCH);
        }
        ExtensionsReader.read(certificate.getTBSCertificate().getExtensions(), b, notes);
        b.selfIssued = certificate.getSubject().equals(certificate.getIssuer());
        if (b.selfIssued && !verifySelfSignature) {
            b.selfSigned = true;
        } else if (b.selfIssued) {
            SelfSignature.Result result = SelfSignature.verify(certificate, b.publicKey);
            switch (result) {
                case UNUSABLE_KEY -> notes.note(CertificateAnomaly.MALFORMED_PUBLIC_KEY);
                case NOT_CHECKED -> notes.note(CertificateAnomaly.SELF_SIGNATURE_NOT_CHECKED);
                default -> { }
            }
            b.selfSigned = result == SelfSignature.Result.VALID;
        }
        byte[] reencoded = certificate.getEncoded(ASN1Encoding.DER);
        if (!Arrays.equals(reencoded, 0, reencoded.length, buf, offset, offset + length)) {
            notes.note(CertificateAnomaly.NOT_STRICT_DER);
        }
        b.anomalies = notes.anomalies();
        return b.build();
    }

    /** Uppercase hex of the magnitude, even digit count, "-" for negatives (see CertificateInfo). */
    static String serialHex(BigInteger serial, ParseNotes notes) {
        if (serial.signum() <= 0) {
            notes.note(CertificateAnomaly.SERIAL_NOT_POSITIVE);
        }
        if (serial.toByteArray().length > MAX_CONFORMING_SERIAL_OCTETS) {
            notes.note(CertificateAnomaly.SERIAL_TOO_LONG);
        }
        byte[] magnitude = serial.abs().toByteArray();
        int from = magnitude.length > 1 && magnitude[0] == 0 ? 1 : 0;
        int to = magnitude.length;
        if (to - from > CertificateLimits.MAX_IDENTIFIER_BYTES) {
            notes.note(CertificateAnomaly.TEXT_TRUNCATED);
            to = from + CertificateLimits.MAX_IDENTIFIER_BYTES;
        }
        String hex = HexFormat.of().withUpperCase().formatHex(magnitude, from, to);
        return serial.signum() < 0 ? "-" + hex : hex;
    }

    private static Instant instant(Time time, ParseNotes notes) {
        try {
            return time.getDate().toInstant();
        } catch (RuntimeException undecodable) { // see BouncyCastleFailures
            notes.note(CertificateAnomaly.BAD_VALIDITY_TIME);
            return null;
        }
    }
}
