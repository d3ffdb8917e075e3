package io.tlswatch.analyzer.x509.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.crypto.signers.DSADigestSigner;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.RSADigestSigner;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.operator.ContentSigner;

/**
 * A key pair of the synthetic PKI, made from the seed and a label, in Bouncy Castle's lightweight
 * form: the SubjectPublicKeyInfo a certificate carries, and a signer with SHA-256.
 *
 * <ul>
 * <li>EC P-256: the private scalar d is 320 bits of {@link SeededRandom} reduced modulo n - 1,
 * plus 1 (FIPS 186-5 appendix A.2.1, "extra random bits"), and Q = dG; about 0.2 ms. Signatures
 * are ECDSA with the deterministic k of RFC 6979.</li>
 * <li>RSA 2048 (e = 65537): Bouncy Castle's {@link RSAKeyPairGenerator} drawing its primes from a
 * {@link SeededRandom}, so the same for a given Bouncy Castle version; a few tenths of a second,
 * so made once and shared. Signatures are PKCS#1 v1.5, deterministic by construction.</li>
 * </ul>
 */
final class SynthKey {
    private static final X9ECParameters P256 = CustomNamedCurves.getByOID(SECObjectIdentifiers.secp256r1);
    private static final ECNamedDomainParameters P256_DOMAIN =
            new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, P256);
    private static final int EXTRA_RANDOM_BYTES = 8;
    private static final BigInteger F4 = BigInteger.valueOf(65537);
    /** Miller-Rabin certainty Bouncy Castle's own provider uses for 2048-bit keys. */
    private static final int RSA_CERTAINTY = 112;

    private final AsymmetricKeyParameter privateKey;
    private final SubjectPublicKeyInfo spki;
    private final boolean rsa;

    private SynthKey(AsymmetricKeyParameter privateKey, AsymmetricKeyParameter publicKey, boolean rsa) {
        this.privateKey = privateKey;
        this.rsa = rsa;
        try {
            this.spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SynthKey ecP256(long seed, String label) {
        BigInteger n = P256.getN();
        byte[] bits = new byte[(n.bitLength() + 7) / 8 + EXTRA_RANDOM_BYTES];
        SeededRandom.of(seed, label).nextBytes(bits);
        BigInteger d = new BigInteger(1, bits).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        ECPoint q = new FixedPointCombMultiplier().multiply(P256.getG(), d).normalize();
        return new SynthKey(new ECPrivateKeyParameters(d, P256_DOMAIN), new ECPublicKeyParameters(q, P256_DOMAIN), false);
    }

    static SynthKey rsa2048(long seed, String label) {
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(F4, SeededRandom.of(seed, label), 2048, RSA_CERTAINTY));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return new SynthKey(pair.getPrivate(), pair.getPublic(), true);
    }

    SubjectPublicKeyInfo spki() {
        return spki;
    }

    boolean isRsa() {
        return rsa;
    }

    /** A fresh signer for one certificate: SHA-256 with ECDSA or with RSA. */
    ContentSigner signer() {
        if (rsa) {
            RSADigestSigner signer = new RSADigestSigner(new SHA256Digest());
            signer.init(true, privateKey);
            return new DeterministicSigner(signer,
                    new AlgorithmIdentifier(PKCSObjectIdentifiers.sha256WithRSAEncryption, DERNull.INSTANCE));
        }
        DSADigestSigner signer = new DSADigestSigner(new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest())),
                new SHA256Digest());
        signer.init(true, privateKey);
        return new DeterministicSigner(signer, new AlgorithmIdentifier(X9ObjectIdentifiers.ecdsa_with_SHA256));
    }
}
