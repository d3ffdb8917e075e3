package io.tlswatch.analyzer.testpki;

import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.AuthorityKeyIdentifier;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.SubjectKeyIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Test PKIs made with Bouncy Castle, for every test that needs chains a server could send: roots,
 * intermediates and leaves with the extensions real ones carry (basicConstraints, keyUsage,
 * extKeyUsage, SAN, SKI/AKI), and on demand what the interception rules look at: serial numbers,
 * validity windows, embedded Certificate Transparency SCTs (RFC 6962 section 3.3), AIA caIssuers
 * (RFC 5280 section 4.2.2.1), an issuer name claimed but signed with another key, self-signed
 * leaves, and the OCSP response a server staples. Shared keys are made once per JVM ({@link Keys}); the defaults are a valid 2024 chain:
 * CAs 2020 to 2030, leaves 2024-01-01 to 2025-01-01, so {@link #CAPTURE} (2024-06-01) is inside
 * every default window.
 */
public final class TestPki {
    /** A capture time inside every default validity window. */
    public static final Instant CAPTURE = Instant.parse("2024-06-01T12:00:00Z");
    /** The SignedCertificateTimestampList extension (RFC 6962 section 3.3). */
    public static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
    /**
     * A real leaf with two embedded SCTs, from Zeek's certificate-with-sct.pcap (see the README
     * beside it): its SCT list is what {@link #withEmbeddedScts()} copies.
     */
    private static final String CERTIFICATE_WITH_SCTS = "/io/tlswatch/analyzer/x509/corpus/tls__certificate-with-sct-1.der";
    private static final Provider BC = new BouncyCastleProvider();
    private static final AtomicLong SERIALS = new AtomicLong(0x1000);

    /** Keys, generated once per JVM. */
    public static final class Keys {
        public static final KeyPair RSA_ROOT = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        public static final KeyPair RSA_CA = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        public static final KeyPair RSA_FORGER = generate("RSA", new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
        public static final KeyPair EC_ROOT = ecKeys();
        public static final KeyPair EC_CA = ecKeys();
        public static final KeyPair EC_LEAF = ecKeys();
        public static final KeyPair EC_OTHER = ecKeys();

        private Keys() {
        }
    }

    /**
     * A fresh P-256 key pair (about a millisecond), for a test class's own roles: unlike
     * {@link Keys}, it does not make the shared RSA keys.
     */
    public static KeyPair ecKeys() {
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

    /** A certificate made here, with the key that can sign under it. */
    public record Issued(byte[] der, KeyPair keys, X500Name subject) {
        public String pem() {
            return TestPki.pem(der);
        }

        /** Lowercase hex SHA-256 of the DER, as certificate hashes are written everywhere. */
        public String sha256() {
            return sha256Hex(der);
        }

        /** Lowercase hex SHA-256 of the DER SubjectPublicKeyInfo. */
        public String spkiSha256() {
            return sha256Hex(keys.getPublic().getEncoded());
        }

        /** The serial number as the certificate carries it. */
        public BigInteger serial() {
            return Certificate.getInstance(der).getSerialNumber().getValue();
        }
    }

    private final X500Name subject;
    /** The subject's keys; null until given: {@link Keys#EC_LEAF}. */
    private KeyPair keys;
    private Issued issuer;
    private X500Name issuerName;
    private KeyPair signer;
    private String signatureAlgorithm;
    private BigInteger serial;
    private Instant notBefore = Instant.parse("2024-01-01T00:00:00Z");
    private Instant notAfter = Instant.parse("2025-01-01T00:00:00Z");
    private boolean withKeyIds = true;
    private final List<Extension> extensions = new ArrayList<>();

    private TestPki(X500Name subject) {
        this.subject = subject;
    }

    /** A certificate for {@code subject}, an RFC 4514 string such as "CN=a,O=b,C=KZ". */
    public static TestPki certificate(String subject) {
        return new TestPki(name(subject));
    }

    /** A certificate for {@code subject} encoded exactly as given (a name copied from another certificate). */
    public static TestPki certificate(X500Name subject) {
        return new TestPki(subject);
    }

    /** An RFC 4514 string (last RDN first) as the name it stands for. */
    public static X500Name name(String rfc4514) {
        RDN[] rdns = new X500Name(rfc4514).getRDNs();
        RDN[] inDerOrder = new RDN[rdns.length];
        for (int i = 0; i < rdns.length; i++) {
            inDerOrder[i] = rdns[rdns.length - 1 - i];
        }
        return new X500Name(inDerOrder);
    }

    /** A self-signed root CA on {@code keys}, valid 2020 to 2030. */
    public static Issued root(String subject, KeyPair keys) {
        return certificate(subject).keys(keys).ca(null).validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
    }

    /** An intermediate CA on {@code keys} under {@code issuer}, valid 2020 to 2030. */
    public static Issued intermediate(String subject, KeyPair keys, Issued issuer) {
        return certificate(subject).keys(keys).issuedBy(issuer).ca(null)
                .validity("2020-01-01T00:00:00Z", "2030-01-01T00:00:00Z").build();
    }

    /** A TLS server leaf for {@code dnsNames} on {@link Keys#EC_LEAF} under {@code issuer}. */
    public static Issued leaf(Issued issuer, String... dnsNames) {
        return serverLeaf(dnsNames).issuedBy(issuer).build();
    }

    /**
     * A TLS server leaf for {@code dnsNames} ("CN=first name,O=Example,C=KZ", the names as DNS
     * SANs), still to be issued: on {@link Keys#EC_LEAF} unless given keys, self-signed unless
     * given an issuer.
     */
    public static TestPki serverLeaf(String... dnsNames) {
        return certificate("CN=" + dnsNames[0] + ",O=Example,C=KZ").serverLeaf().dns(dnsNames);
    }

    public TestPki keys(KeyPair subjectKeys) {
        this.keys = subjectKeys;
        return this;
    }

    public TestPki issuedBy(Issued ca) {
        this.issuer = ca;
        return this;
    }

    /** Claims {@code name} as issuer but signs with {@code signerKeys}: a forged issuer. */
    public TestPki claimsIssuer(X500Name name, KeyPair signerKeys) {
        this.issuerName = name;
        this.signer = signerKeys;
        return this;
    }

    public TestPki signatureAlgorithm(String algorithm) {
        this.signatureAlgorithm = algorithm;
        return this;
    }

    /** The serial number (default: the next of a counter shared by all certificates made here). */
    public TestPki serial(BigInteger serialNumber) {
        this.serial = serialNumber;
        return this;
    }

    public TestPki validity(String from, String to) {
        return validity(Instant.parse(from), Instant.parse(to));
    }

    public TestPki validity(Instant from, Instant to) {
        this.notBefore = from;
        this.notAfter = to;
        return this;
    }

    /** No subjectKeyIdentifier / authorityKeyIdentifier. */
    public TestPki withoutKeyIds() {
        this.withKeyIds = false;
        return this;
    }

    /** basicConstraints CA with an optional pathLenConstraint, and keyUsage keyCertSign + cRLSign. */
    public TestPki ca(Integer pathLength) {
        extension(Extension.basicConstraints, true,
                pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        return extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    }

    /** basicConstraints CA:FALSE, keyUsage digitalSignature + keyEncipherment, EKU serverAuth + clientAuth. */
    public TestPki serverLeaf() {
        extension(Extension.basicConstraints, true, new BasicConstraints(false));
        extension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        return extension(Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
    }

    public TestPki dns(String... names) {
        GeneralName[] general = new GeneralName[names.length];
        for (int i = 0; i < names.length; i++) {
            general[i] = new GeneralName(GeneralName.dNSName, names[i]);
        }
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(general));
    }

    /** SAN entries given as GeneralNames (DNS, IP, email...). */
    public TestPki alternativeNames(GeneralName... names) {
        return extension(Extension.subjectAlternativeName, false, new GeneralNames(names));
    }

    /**
     * The SignedCertificateTimestampList extension with the two real SCTs of a logged leaf (RFC
     * 6962 section 3.3: an OCTET STRING holding the TLS-encoded list). Nobody here checks their
     * signatures; what counts is that the leaf carries SCTs, as a publicly logged one does.
     */
    public TestPki withEmbeddedScts() {
        return extension(SCT_LIST, false, RealSctList.VALUE);
    }

    /**
     * The TLS-encoded SignedCertificateTimestampList that {@link #withEmbeddedScts()} embeds: what a
     * server sends in the signed_certificate_timestamp TLS extension (RFC 6962 section 3.3.1).
     */
    public static byte[] sctList() {
        return ((ASN1OctetString) RealSctList.VALUE).getOctets();
    }

    /** authorityInformationAccess with one caIssuers URI: where to fetch the issuer (RFC 5280 section 4.2.2.1). */
    public TestPki caIssuers(String uri) {
        return extension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_caIssuers, new GeneralName(GeneralName.uniformResourceIdentifier, uri))));
    }

    /** Adds or replaces the extension {@code oid}. */
    public TestPki extension(ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        extensions.removeIf(extension -> extension.getExtnId().equals(oid));
        try {
            extensions.add(new Extension(oid, critical, new DEROctetString(value)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Drops the extension {@code oid}. */
    public TestPki without(ASN1ObjectIdentifier oid) {
        extensions.removeIf(extension -> extension.getExtnId().equals(oid));
        return this;
    }

    public Issued build() {
        KeyPair keys = this.keys != null ? this.keys : Keys.EC_LEAF;
        KeyPair signing = signer != null ? signer : issuer != null ? issuer.keys() : keys;
        X500Name issuedBy = issuerName != null ? issuerName : issuer != null ? issuer.subject() : subject;
        SubjectPublicKeyInfo spki = SubjectPublicKeyInfo.getInstance(keys.getPublic().getEncoded());
        String algorithm = signatureAlgorithm != null ? signatureAlgorithm : sha256With(signing);
        BigInteger serialNumber = serial != null ? serial : BigInteger.valueOf(SERIALS.incrementAndGet());
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(issuedBy, serialNumber,
                    Date.from(notBefore), Date.from(notAfter), subject, spki);
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

    /**
     * A successful OCSP response (RFC 6960 section 4.2.1) that {@code issuer} signed at
     * {@code producedAt}, saying {@code certificate} is good for the next four days: what a server
     * staples in its CertificateStatus message.
     */
    public static byte[] ocspGood(Issued certificate, Issued issuer, Instant producedAt) {
        try {
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().setProvider(BC).build();
            CertificateID id = new CertificateID(digests.get(CertificateID.HASH_SHA1),
                    new X509CertificateHolder(issuer.der()), certificate.serial());
            BasicOCSPRespBuilder response = new BasicOCSPRespBuilder(
                    SubjectPublicKeyInfo.getInstance(issuer.keys().getPublic().getEncoded()), digests.get(CertificateID.HASH_SHA1));
            response.addResponse(id, CertificateStatus.GOOD, Date.from(producedAt),
                    Date.from(producedAt.plus(Duration.ofDays(4))));
            BasicOCSPResp signed = response.build(new JcaContentSignerBuilder(sha256With(issuer.keys())).setProvider(BC)
                    .build(issuer.keys().getPrivate()), null, Date.from(producedAt));
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, signed).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException | OCSPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DER of each, in the order given: a chain as a server would send it. */
    public static List<byte[]> chain(Issued... certificates) {
        List<byte[]> ders = new ArrayList<>();
        for (Issued certificate : certificates) {
            ders.add(certificate.der());
        }
        return ders;
    }

    /** A trust store holding exactly these roots. */
    public static TrustStore storeOf(Issued... roots) {
        return TrustStore.fromPem("test-roots", pemOf(roots).getBytes(StandardCharsets.US_ASCII));
    }

    /** The certificates as one PEM bundle, in order. */
    public static String pemOf(Issued... certificates) {
        StringBuilder pem = new StringBuilder();
        for (Issued certificate : certificates) {
            pem.append(certificate.pem());
        }
        return pem.toString();
    }

    /** {@code der} as a PEM CERTIFICATE block (RFC 7468 section 5.1). */
    public static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** SHA-256 with the algorithm of {@code signing}'s key: SHA256withECDSA, SHA256withRSA. */
    private static String sha256With(KeyPair signing) {
        String key = signing.getPublic().getAlgorithm();
        return "SHA256with" + ("EC".equals(key) ? "ECDSA" : key);
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SCT list of {@link #CERTIFICATE_WITH_SCTS}, read once. */
    private static final class RealSctList {
        static final ASN1Encodable VALUE = read();

        private static ASN1Encodable read() {
            try (InputStream in = TestPki.class.getResourceAsStream(CERTIFICATE_WITH_SCTS)) {
                if (in == null) {
                    throw new IllegalStateException("no resource " + CERTIFICATE_WITH_SCTS);
                }
                Extension scts = Certificate.getInstance(in.readAllBytes()).getTBSCertificate().getExtensions()
                        .getExtension(SCT_LIST);
                return scts.getParsedValue();   // the OCTET STRING around the TLS-encoded list
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
