package io.tlswatch.analyzer.x509;

import java.util.Objects;

/**
 * The subject public key, as ECS's {@code x509.public_key_*} fields and our SPKI pin want it.
 *
 * @param algorithm "RSA", "EC", "Ed25519", "Ed448", "X25519", "X448", "DSA", "RSASSA-PSS",
 *     "ML-DSA-65", ..., or the dotted OID when unknown
 * @param sizeBits RSA modulus / DSA prime / EC field size in bits; 256 for Ed25519 and X25519,
 *     456 for Ed448 and 448 for X448 (the encoded key length); 0 when unknown
 * @param curve SEC 2 curve name ("secp256r1", "secp384r1"), else Brainpool or another name Bouncy
 *     Castle knows, else the dotted OID; null for non-EC keys and explicit curve parameters
 * @param explicitCurveParameters the EC key carries explicit domain parameters instead of a named
 *     curve (RFC 5480 forbids this; CVE-2020-0601 "CurveBall" spoofing relies on it)
 * @param exponent the RSA public exponent, null when not RSA or larger than a long
 * @param spkiSha256 lowercase hex SHA-256 of the DER SubjectPublicKeyInfo (the pin browsers use)
 */
public record PublicKeyInfo(
        String algorithm,
        int sizeBits,
        String curve,
        boolean explicitCurveParameters,
        Long exponent,
        String spkiSha256) {

    public PublicKeyInfo {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(spkiSha256, "spkiSha256");
    }
}
