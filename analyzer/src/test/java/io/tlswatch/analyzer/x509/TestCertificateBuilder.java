package io.tlswatch.analyzer.x509;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x509.Time;
import org.bouncycastle.cert.X509v1CertificateBuilder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Builds real, signed test certificates with Bouncy Castle; keys are generated once per JVM. */
final class TestCertificateBuilder {
    private static final Provider BC = new BouncyCastleProvider();

    private X500Name subject = name("Example Org", "test.example");
    private X500Name issuer;
    private BigInteger serial = BigInteger.valueOf(0x0A1B2C);
    private Time notBefore = new Time(Date.from(Instant.parse("2024-01-01T00:00:00Z")));
    private Time notAfter = new Time(Date.from(Instant.parse("2025-01-01T00:00:00Z")));
    private KeyPair keys = Keys.RSA;
    private KeyPair signer;
    private String signatureAlgorithm = "SHA256withRSA";
    private boolean version1;
    private SubjectPublicKeyInfo publicKeyInfo;
    private final List<Extension> extensions = new ArrayList<>();

    static TestCertificateBuilder rsa() {
        return new TestCertificateBuilder();
    }

    static TestCertificateBuilder ecP256() {
        return new TestCertificateBuilder().keys(Keys.EC_P256, "SHA256withECDSA");
    }

    static TestCertificateBuilder ed25519() {
        return new TestCertificateBuilder().keys(Keys.ED25519, "Ed25519");
    }

    /** C=KZ, O=organization, CN=commonName in DER order (RFC 4514: CN first). */
    static X500Name name(String organization, String commonName) {
        return new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "KZ").addRDN(BCStyle.O, organization).addRDN(BCStyle.CN, commonName).build();
    }

    TestCertificateBuilder keys(KeyPair subjectKeys, String algorithm) {
        this.keys = subjectKeys;
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** Signs with another key (and algorithm) than the subject's: not self-signed. */
    TestCertificateBuilder signedBy(KeyPair signerKeys, String algorithm) {
        this.signer = signerKeys;
        this.signatureAlgorithm = algorithm;
        return this;
    }

    TestCertificateBuilder signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    TestCertificateBuilder subject(X500Name name) {
        this.subject = name;
        return this;
    }

    TestCertificateBuilder issuer(X500Name name) {
        this.issuer = name;
        return this;
    }

    TestCertificateBuilder serial(BigInteger value) {
        this.serial = value;
        return this;
    }

    TestCertificateBuilder validity(Time from, Time to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    /** Puts this SubjectPublicKeyInfo in the certificate instead of the subject key's. */
    TestCertificateBuilder publicKeyInfo(SubjectPublicKeyInfo spki) {
        this.publicKeyInfo = spki;
        return this;
    }

    TestCertificateBuilder version1() {
        this.version1 = true;
        return this;
    }

    TestCertificateBuilder extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            extensions.add(new Extension(oid, critical, new DEROctetString(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** An extension whose extnValue holds {@code rawValue} as is (for malformed values). */
    TestCertificateBuilder rawExtension(ASN1ObjectIdentifier oid, boolean critical, byte[] rawValue) {
        extensions.add(new Extension(oid, critical, new DEROctetString(rawValue)));
        return this;
    }

    byte[] der() {
        X500Name issuerName = issuer != null ? issuer : subject;
        SubjectPublicKeyInfo spki = publicKeyInfo != null ? publicKeyInfo
                : SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(signatureAlgorithm).setProvider(BC)
                    .build((signer != null ? signer : keys).getPrivate());
            if (version1) {
                return new X509v1CertificateBuilder(issuerName, serial, notBefore, notAfter, subject, spki)
                        .build(contentSigner).getEncoded();
            }
            X509v3CertificateBuilder builder =
                    new X509v3CertificateBuilder(issuerName, serial, notBefore, notAfter, subject, spki);
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            return builder.build(contentSigner).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Test keys, generated once. */
    static final class Keys {
        static final KeyPair RSA = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        static final KeyPair RSA_OTHER = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        static final KeyPair EC_P256 = generate("EC", new ECGenParameterSpec("secp256r1"));
        static final KeyPair ED25519 = generate("Ed25519", null);

        private Keys() {
        }

        private static KeyPair generate(String algorithm, AlgorithmParameterSpec parameters) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                if (parameters != null) {
                    generator.initialize(parameters);
                }
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
