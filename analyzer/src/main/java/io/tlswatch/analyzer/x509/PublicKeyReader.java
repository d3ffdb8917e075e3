package io.tlswatch.analyzer.x509;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.asn1.teletrust.TeleTrusTNamedCurves;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9FieldID;

/**
 * Reads algorithm, size, curve and exponent from a SubjectPublicKeyInfo (RFC 5280 section
 * 4.1.2.7; RSA RFC 3279 section 2.3.1, EC RFC 5480, EdDSA/XDH RFC 8410, DSA RFC 3279 section
 * 2.3.2). Explicit EC parameters are measured from their ASN.1, without building the curve.
 */
final class PublicKeyReader {
    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSASSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC = "1.2.840.10045.2.1";
    static final String ED25519 = "1.3.101.112";
    static final String ED448 = "1.3.101.113";
    private static final String X25519 = "1.3.101.110";
    private static final String X448 = "1.3.101.111";
    private static final String DSA = "1.2.840.10040.4.1";
    private static final String ML_DSA_44 = "2.16.840.1.101.3.4.3.17";
    private static final String ML_DSA_65 = "2.16.840.1.101.3.4.3.18";
    private static final String ML_DSA_87 = "2.16.840.1.101.3.4.3.19";

    private PublicKeyReader() {
    }

    static PublicKeyInfo read(SubjectPublicKeyInfo spki, String spkiSha256, ParseNotes notes) {
        String oid = spki.getAlgorithm().getAlgorithm().getId();
        ASN1Encodable parameters = spki.getAlgorithm().getParameters();
        return switch (oid) {
            case RSA -> rsa("RSA", spki, spkiSha256, notes);
            case RSASSA_PSS -> rsa("RSASSA-PSS", spki, spkiSha256, notes);
            case EC -> ec(parameters, spkiSha256, notes);
            case ED25519 -> new PublicKeyInfo("Ed25519", 256, null, false, null, spkiSha256);
            case ED448 -> new PublicKeyInfo("Ed448", 456, null, false, null, spkiSha256);
            case X25519 -> new PublicKeyInfo("X25519", 256, null, false, null, spkiSha256);
            case X448 -> new PublicKeyInfo("X448", 448, null, false, null, spkiSha256);
            case DSA -> new PublicKeyInfo("DSA", dsaSize(parameters, notes), null, false, null, spkiSha256);
            case ML_DSA_44 -> new PublicKeyInfo("ML-DSA-44", 0, null, false, null, spkiSha256);
            case ML_DSA_65 -> new PublicKeyInfo("ML-DSA-65", 0, null, false, null, spkiSha256);
            case ML_DSA_87 -> new PublicKeyInfo("ML-DSA-87", 0, null, false, null, spkiSha256);
            default -> new PublicKeyInfo(oid, 0, null, false, null, spkiSha256);
        };
    }

    private static PublicKeyInfo rsa(String name, SubjectPublicKeyInfo spki, String spkiSha256, ParseNotes notes) {
        ASN1Primitive key = Asn1Input.decode(spki.getPublicKeyData().getBytes());
        try {
            if (key == null) {
                throw new IllegalArgumentException("RSA public key is not DER");
            }
            RSAPublicKey rsa = RSAPublicKey.getInstance(key);
            BigInteger exponent = rsa.getPublicExponent();
            Long kept = exponent.bitLength() < Long.SIZE ? exponent.longValue() : null;
            return new PublicKeyInfo(name, rsa.getModulus().bitLength(), null, false, kept, spkiSha256);
        } catch (RuntimeException malformed) { // see BouncyCastleFailures
            notes.note(CertificateAnomaly.MALFORMED_PUBLIC_KEY);
            return new PublicKeyInfo(name, 0, null, false, null, spkiSha256);
        }
    }

    private static PublicKeyInfo ec(ASN1Encodable parameters, String spkiSha256, ParseNotes notes) {
        try {
            if (parameters == null) {
                throw new IllegalArgumentException("EC key without parameters");
            }
            X962Parameters x962 = X962Parameters.getInstance(parameters);
            if (x962.isNamedCurve()) {
                ASN1ObjectIdentifier curve = ASN1ObjectIdentifier.getInstance(x962.getParameters());
                X9ECParameters known = ECNamedCurveTable.getByOID(curve);
                int size = known != null ? known.getCurve().getFieldSize() : 0;
                return new PublicKeyInfo("EC", size, curveName(curve), false, null, spkiSha256);
            }
            if (x962.isImplicitlyCA()) {
                return new PublicKeyInfo("EC", 0, null, false, null, spkiSha256);
            }
            return new PublicKeyInfo("EC", explicitFieldSize(x962.getParameters()), null, true, null, spkiSha256);
        } catch (RuntimeException malformed) { // see BouncyCastleFailures
            notes.note(CertificateAnomaly.MALFORMED_PUBLIC_KEY);
            return new PublicKeyInfo("EC", 0, null, false, null, spkiSha256);
        }
    }

    /** SEC 2 name ("secp256r1"), else Brainpool, else any name Bouncy Castle knows, else the OID. */
    private static String curveName(ASN1ObjectIdentifier curve) {
        String name = SECNamedCurves.getName(curve);
        if (name == null) {
            name = TeleTrusTNamedCurves.getName(curve);
        }
        if (name == null) {
            name = ECNamedCurveTable.getName(curve);
        }
        return name != null ? name : curve.getId();
    }

    /**
     * Field size of explicit ECParameters (SEC 1 section C.2): the prime's bit length for a prime
     * field, m for a characteristic-two field.
     */
    static int explicitFieldSize(ASN1Encodable ecParameters) {
        X9FieldID field = X9FieldID.getInstance(element(ASN1Sequence.getInstance(ecParameters), 1));
        ASN1Primitive fieldParameters = field.getParameters().toASN1Primitive();
        if (fieldParameters instanceof ASN1Integer prime) {
            return prime.getValue().bitLength();
        }
        return ASN1Integer.getInstance(element(ASN1Sequence.getInstance(fieldParameters), 0)).intValueExact();
    }

    private static ASN1Encodable element(ASN1Sequence sequence, int index) {
        if (sequence.size() <= index) {
            throw new IllegalArgumentException("sequence too short");
        }
        return sequence.getObjectAt(index);
    }

    private static int dsaSize(ASN1Encodable parameters, ParseNotes notes) {
        if (parameters == null || parameters instanceof ASN1Null) {
            return 0; // inherited from the issuer (RFC 3279 section 2.3.2)
        }
        try {
            return DSAParameter.getInstance(parameters).getP().bitLength();
        } catch (RuntimeException malformed) { // see BouncyCastleFailures
            notes.note(CertificateAnomaly.MALFORMED_PUBLIC_KEY);
            return 0;
        }
    }
}
