package io.tlswatch.analyzer.x509.trust;

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
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test chains made with Bouncy Castle: a root, intermediates and leaves with the extensions real
 * ones carry (basicConstraints, keyUsage, extKeyUsage, SAN, SKI/AKI). Keys are made once per JVM.
 * The defaults are a valid 2024 chain: CAs 2020 to 2030, leaves 2024-01-01 to 2025-01-01, so
 * {@link #CAPTURE} (2024-06-01) is inside every default window.
 */
final class TestPki {
    static final Instant CAPTURE = Instant.parse("2024-06-01T12:00:00Z");
    private static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    /** Keys, generated once. */
    static final class Keys {
        static final KeyPair RSA_ROOT = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        static final KeyPair RSA_CA = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        static final KeyPair RSA_FORGER = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        static final KeyPair EC_ROOT = ec();
        static final KeyPair EC_CA = ec();
        static final KeyPair EC_LEAF = ec();
        static final KeyPair EC_OTHER = ec();

        private Keys() {
        }

        static KeyPair ec() {
            return generate("EC", new ECGenParameterSpec("secp256r1"));
        }

        private static KeyPair generate(String algorithm, AlgorithmParameterSpec parameters) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
                generator.initialize(parameters);
                return generator.generateKeyPair();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** A certificate made here, with the key that can sign under it. */
    record Issued(byte[] der, KeyPair keys, X500Name subject) {
        String pem() {
            return TrustResources.pem(der);
        }
    }

    private final X500Name subject;
    private KeyPair keys = Keys.EC_LEAF;
    private Issued issuer;
    private X500Name issuerName;
    private KeyPair signer;
    private String signatureAlgorithm;
    private Instant notBefore = Instant.parse("2024-01-01T00:00:00Z");
    private Instant notAfter = Instant.parse("2025-01-01T00:00:00Z");
    private boolean withKeyIds = true;
    private final List<Extension> extensions = new ArrayList<>();

    private TestPki(X500Name subject) {
        this.subject = subject;
    }

    /** A certificate for {@code subject}, an RFC 4514 string such as "CN=a,O=b,C=KZ". */
    static TestPki certificate(String subject) {
        return new TestPki(name(subject));
    }

    /** A certificate for {@code subject} encoded exactly as given (a name copied from another certificate). */
    static TestPki certificate(X500Name subject) {
        return new TestPki(subject);
    }

    /** An RFC 4514 string (last RDN first) as the name it stands for. */
    static X500Name name(String rfc4514) {
        RDN[] rdns = new X500Name(rfc4514).getRDNs();
        RDN[] inDerOrder = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            inDerOrder[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(inDerOrder);
    }

    /** A self-signed root CA on {@code keys}, valid 2020 to 2030. */
    static Issued root(String subject, KeyPair keys) {
        return certificate(subject).keys(keys).ca(null).validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
    }

    /** An intermediate CA on {@code keys} under {@code issuer}, valid 2020 to 2030. */
    static Issued intermediate(String subject, KeyPair keys, Issued issuer) {
        return certificate(subject).keys(keys).issuedBy(issuer).ca(null)
                .validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
    }

    /** A TLS server leaf for {@code dnsNames} on the EC leaf key under {@code issuer}. */
    static Issued leaf(Issued issuer, String... dnsNames) {
        return certificate("CN=" + dnsNames[0] + ",O=Example,C=KZ").issuedBy(issuer).serverLeaf().dns(dnsNames).build();
    }

    TestPki keys(KeyPair subjectKeys) {
        this.keys = subjectKeys;
        return this;
    }

    TestPki issuedBy(Issued ca) {
        this.issuer = ca;
        return this;
    }

    /** Claims {@code name} as issuer but signs with {@code signerKeys}: a forged issuer. */
    TestPki claimsIssuer(X500Name name, KeyPair signerKeys) {
        this.issuerName = name;
        this.signer = signerKeys;
        return this;
    }

    TestPki signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    TestPki validity(String from, String to) {
        this.notBefore = Instant.parse(from);
        this.notAfter = Instant.parse(to);
        return this;
    }

    /** No subjectKeyIdentifier / authorityKeyIdentifier. */
    TestPki withoutKeyIds() {
        this.withKeyIds = false;
        return this;
    }

    /** basicConstraints CA with an optional pathLenConstraint, and keyUsage keyCertSign + cRLSign. */
    TestPki ca(Integer pathLength) {
        extension(Extension.basicConstraints, true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        return extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    /** basicConstraints CA:FALSE, keyUsage digitalSignature + keyEncipherment, EKU serverAuth + clientAuth. */
    TestPki serverLeaf() {
        extension(Extension.basicConstraints, true, new BasicConstraints(false));
        extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    }

    TestPki dns(String... names) {
        GeneralName[] general = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            general[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(general));
    }

    /** SAN entries given as GeneralNames (DNS, IP, email...). */
    TestPki alternativeNames(GeneralName... names) {
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    /** Adds or replaces the extension {@code oid}. */
    TestPki extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.removeIf(extension -> extension.getExtnId().equals(oid));
        try {
            extensions.add(new Extension(oid, critical, new DEROctetString(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Drops the extension {@code oid}. */
    TestPki without(ASN1ObjectIdentifier oid) {
        extensions.removeIf(extension -> extension.getExtnId().equals(oid));
        return this;
    }

    Issued build() {
        KeyPair signing = signer != null ? signer : issuer != null ? issuer.keys() : keys;
        X500Name issuedBy = issuerName != null ? issuerName : issuer != null ? issuer.subject() : subject;
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm
                : "SHA256with" + switch (signing.getPublic().getAlgorithm()) {
                    case "EC" -> "ECDSA";
                    default -> signing.getPublic().getAlgorithm(); // RSA, DSA
                };
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuedBy,
                    BigInteger.valueOf(SERIALS.incrementAndGet()), Date.from(notBefore), Date.from(notAfter), subject, spki);
            if (withKeyIds) {
                BcX509ExtensionUtils ids = new BcX509ExtensionUtils();
                SubjectKeyIdentifier ski = ids.createSubjectKeyIdentifier(spki);
                builder.addExtension(Extension.subjectKeyIdentifier, false, ski);
                AuthorityKeyIdentifier aki = ids.createAuthorityKeyIdentifier(
                        SubjectPublicKeyInfo.getInstance(signing.getPublic().getEncoded()));
                builder.addExtension(Extension.authorityKeyIdentifier, false, aki);
            }
            for (Extension extension : extensions) {
                builder.addExtension(extension);
            }
            byte[] der = builder.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(signing.getPrivate()))
                    .getEncoded();
            return new Issued(der, keys, subject);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER of each, in the order given: a chain as a server would send it. */
    static List<byte[]> chain(Issued... certificates) {
        List<byte[]> ders = new ArrayList<>();
        for (Issued certificate : certificates) {
            ders.add(certificate.der());
        }
        return ders;
    }

    /** A trust store holding exactly these roots. */
    static TrustStore storeOf(Issued... roots) {
        StringBuilder pem = new StringBuilder();
        for (Issued root : roots) {
            pem.append(root.pem());
        }
        return TrustStore.fromPem("test-roots", pem.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
