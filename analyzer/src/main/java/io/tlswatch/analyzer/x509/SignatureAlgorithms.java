package io.tlswatch.analyzer.x509;

import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;

/**
 * Names for certificate signature algorithms by OID. The names follow ECS's example
 * ({@code SHA256-RSA}), which is Go's {@code x509.SignatureAlgorithm} naming, used consistently
 * for every algorithm; unknown algorithms are named by their dotted OID.
 */
final class SignatureAlgorithms {
    private static final String RSASSA_PSS = "1.2.840.113549.1.1.10";

    private static final Map<String, SignatureAlgorithm> BY_OID = Map.ofEntries(
            // RFC 8017 appendix C / RFC 4055
            entry("1.2.840.113549.1.1.2", "MD2-RSA", "md2"),
            entry("1.2.840.113549.1.1.3", "MD4-RSA", "md4"),
            entry("1.2.840.113549.1.1.4", "MD5-RSA", "md5"),
            entry("1.2.840.113549.1.1.5", "SHA1-RSA", "sha1"),
            entry("1.3.14.3.2.29", "SHA1-RSA", "sha1"),
            entry("1.2.840.113549.1.1.14", "SHA224-RSA", "sha224"),
            entry("1.2.840.113549.1.1.11", "SHA256-RSA", "sha256"),
            entry("1.2.840.113549.1.1.12", "SHA384-RSA", "sha384"),
            entry("1.2.840.113549.1.1.13", "SHA512-RSA", "sha512"),
            // RFC 3279 / RFC 5758
            entry("1.2.840.10040.4.3", "DSA-SHA1", "sha1"),
            entry("2.16.840.1.101.3.4.3.1", "DSA-SHA224", "sha224"),
            entry("2.16.840.1.101.3.4.3.2", "DSA-SHA256", "sha256"),
            entry("1.2.840.10045.4.1", "ECDSA-SHA1", "sha1"),
            entry("1.2.840.10045.4.3.1", "ECDSA-SHA224", "sha224"),
            entry("1.2.840.10045.4.3.2", "ECDSA-SHA256", "sha256"),
            entry("1.2.840.10045.4.3.3", "ECDSA-SHA384", "sha384"),
            entry("1.2.840.10045.4.3.4", "ECDSA-SHA512", "sha512"),
            // RFC 8410, FIPS 204 (RFC 9881), GM/T 0015
            entry("1.3.101.112", "Ed25519", null),
            entry("1.3.101.113", "Ed448", null),
            entry("2.16.840.1.101.3.4.3.17", "ML-DSA-44", null),
            entry("2.16.840.1.101.3.4.3.18", "ML-DSA-65", null),
            entry("2.16.840.1.101.3.4.3.19", "ML-DSA-87", null),
            entry("1.2.156.10197.1.501", "SM2-SM3", "sm3"));

    /** Hash algorithm OIDs inside RSASSA-PSS parameters (RFC 4055 section 3.1). */
    private static final Map<String, String> PSS_HASHES = Map.of(
            "1.3.14.3.2.26", "sha1",
            "2.16.840.1.101.3.4.2.4", "sha224",
            "2.16.840.1.101.3.4.2.1", "sha256",
            "2.16.840.1.101.3.4.2.2", "sha384",
            "2.16.840.1.101.3.4.2.3", "sha512");

    private SignatureAlgorithms() {
    }

    static SignatureAlgorithm of(AlgorithmIdentifier algorithm) {
        String oid = algorithm.getAlgorithm().getId();
        if (RSASSA_PSS.equals(oid)) {
            return pss(algorithm.getParameters());
        }
        SignatureAlgorithm known = BY_OID.get(oid);
        return known != null ? known : new SignatureAlgorithm(oid, null);
    }

    /** Whether {@link #of} knows the algorithm (its name is not a bare OID). */
    static boolean isKnown(AlgorithmIdentifier algorithm) {
        String oid = algorithm.getAlgorithm().getId();
        return RSASSA_PSS.equals(oid) || BY_OID.containsKey(oid);
    }

    private static SignatureAlgorithm pss(ASN1Encodable parameters) {
        String hash = "sha1"; // RFC 4055 section 3.1: the default hashAlgorithm
        if (parameters != null && !(parameters instanceof ASN1Null)) {
            try {
                String hashOid = RSASSAPSSparams.getInstance(parameters).getHashAlgorithm().getAlgorithm().getId();
                hash = PSS_HASHES.get(hashOid);
            } catch (RuntimeException malformedParameters) { // see BouncyCastleFailures
                hash = null;
            }
        }
        if (hash == null) {
            return new SignatureAlgorithm("RSAPSS", null);
        }
        return new SignatureAlgorithm(hash.toUpperCase(java.util.Locale.ROOT) + "-RSAPSS", hash);
    }

    private static Map.Entry<String, SignatureAlgorithm> entry(String oid, String name, String hash) {
        return Map.entry(oid, new SignatureAlgorithm(name, hash));
    }
}
