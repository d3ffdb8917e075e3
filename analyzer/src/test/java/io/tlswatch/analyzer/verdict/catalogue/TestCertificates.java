package io.tlswatch.analyzer.verdict.catalogue;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Real signed certificates made with Bouncy Castle, and the real ones kept as test resources. */
final class TestCertificates {
    private static final Map<String, ASN1ObjectIdentifier> TYPES = Map.of(
            "CN", BCStyle.CN, "O", BCStyle.O, "OU", BCStyle.OU, "C", BCStyle.C, "L", BCStyle.L, "ST", BCStyle.ST);
    private static final KeyPair ISSUER_KEYS = ecKeys();
    private static final KeyPair SUBJECT_KEYS = ecKeys();

    private TestCertificates() {
    }

    /** A name from {@code TYPE=value} pairs, in the order given (DER order: C first is usual). */
    static X500Name name(String... typeValuePairs) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (int i = 0; i < typeValuePairs.length; i += 2) {
            builder.addRDN(TYPES.get(typeValuePairs[i]), typeValuePairs[i + 1]);
        }
        return builder.build();
    }

    /** A name holding {@code attributes} (types CN, O, OU, C, L, ST). */
    static X500Name name(List<DnText.Attribute> attributes) {
        X500NameBuilder builder = new X500NameBuilder(BCStyle.INSTANCE);
        for (DnText.Attribute a : attributes) {
            builder.addRDN(TYPES.get(a.type()), a.value());
        }
        return builder.build();
    }

    /** A parsed certificate with this subject and issuer, signed by a test key. */
    static CertificateInfo certificate(X500Name subject, X500Name issuer) {
        return CertificateParser.parse(der(subject, issuer, SUBJECT_KEYS));
    }

    /** A self-signed root with this name and a freshly generated key (a re-issued root). */
    static CertificateInfo reissuedRoot(X500Name name) {
        return CertificateParser.parse(der(name, name, ecKeys()));
    }

    private static byte[] der(X500Name subject, X500Name issuer, KeyPair subjectKeys) {
        try {
            return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(0x5EED),
                    Date.from(Instant.parse("2024-01-01T00:00:00Z")), Date.from(Instant.parse("2026-01-01T00:00:00Z")),
                    subject, subjectKeys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ISSUER_KEYS.getPrivate()))
                    .getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A certificate from a PEM test resource, given relative to this package. */
    static byte[] resourceDer(String relativePath) {
        try (InputStream in = TestCertificates.class.getResourceAsStream(relativePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + relativePath);
            }
            return pemToDer(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] fileDer(Path pem) {
        try {
            return pemToDer(Files.readString(pem)).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every CERTIFICATE block of a PEM text, as DER. */
    static List<byte[]> pemToDer(String pem) {
        List<byte[]> out = new ArrayList<>();
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        for (int at = pem.indexOf(begin); at >= 0; at = pem.indexOf(begin, at + 1)) {
            int stop = pem.indexOf(end, at);
            out.add(Base64.getMimeDecoder().decode(pem.substring(at + begin.length(), stop)));
        }
        return out;
    }

    private static KeyPair ecKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
