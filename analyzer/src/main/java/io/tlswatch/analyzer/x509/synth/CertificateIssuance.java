package io.tlswatch.analyzer.x509.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CertificatePolicies;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.x509.PolicyInformation;
import org.bouncycastle.asn1.x509.TBSCertificate;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.bc.BcX509ExtensionUtils;

/**
 * Issues the certificates of the synthetic PKI with Bouncy Castle, each with the extensions its
 * kind carries on the public web (RFC 5280 section 4.2; CA/Browser Forum Baseline Requirements
 * section 7.1.2): CAs with basicConstraints and keyCertSign; site leaves with serverAuth, their
 * names as DNS SANs, AIA (OCSP and caIssuers), the domain-validated policy and embedded SCTs; and
 * forged leaves as an interception proxy makes them.
 */
final class CertificateIssuance {
    /** The SignedCertificateTimestampList extension (RFC 6962 section 3.3). */
    static final ASN1ObjectIdentifier SCT_LIST = new ASN1ObjectIdentifier("1.3.6.1.4.1.11129.2.4.2");
    /** CA/Browser Forum domain-validated certificate policy (Baseline Requirements section 7.1.6.1). */
    private static final ASN1ObjectIdentifier DOMAIN_VALIDATED = new ASN1ObjectIdentifier("2.23.140.1.2.1");

    /** A CA that can sign: its name, key and certificate. */
    record Ca(X500Name name, SynthKey key, byte[] der) {
    }

    private CertificateIssuance() {
    }

    /** An RFC 4514 string (last RDN first) as the name it stands for (first RDN first in DER). */
    static X500Name name(String rfc4514) {
        RDN[] written = new X500Name(rfc4514).getRDNs();
        RDN[] der = new RDN[written.length];
        for (int i = 0; i < written.length; i++) {
            der[i] = written[written.length - 1 - i];
        }
        return new X500Name(der);
    }

    /** A self-signed root. */
    static Ca root(X500Name name, SynthKey key, BigInteger serial, Instant from, Instant to) {
        X509v3CertificateBuilder b = builder(name, serial, from, to, name, key);
        caExtensions(b, key, key, null);
        return new Ca(name, key, sign(b, key));
    }

    /** An intermediate CA under {@code issuer}, with no CA below it (pathLenConstraint 0). */
    static Ca intermediate(X500Name name, SynthKey key, Ca issuer, BigInteger serial, Instant from, Instant to) {
        X509v3CertificateBuilder b = builder(issuer.name(), serial, from, to, name, key);
        caExtensions(b, key, issuer.key(), 0);
        return new Ca(name, key, sign(b, issuer));
    }

    /**
     * A site's leaf: subject CN = {@code domain}, SANs {@code domain} and {@code *.domain}, the
     * issuer's AIA under {@code aiaHost}, and the SCT list a public CA embeds.
     */
    static byte[] siteLeaf(String domain, SynthKey key, Ca issuer, String aiaHost, BigInteger serial, Instant from,
                           Instant to, byte[] sctList) {
        X509v3CertificateBuilder b = builder(issuer.name(), serial, from, to, name("CN=" + domain), key);
        leafExtensions(b, key, issuer.key(), new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, domain), new GeneralName(GeneralName.dNSName, "*." + domain)}));
        add(b, Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[] {
            new AccessDescription(AccessDescription.id_ad_ocsp,
                    new GeneralName(GeneralName.uniformResourceIdentifier, "http://ocsp." + aiaHost + "/")),
            new AccessDescription(AccessDescription.id_ad_caIssuers,
                    new GeneralName(GeneralName.uniformResourceIdentifier, "http://crt." + aiaHost + "/ca.der"))}));
        add(b, Extension.certificatePolicies, false, new CertificatePolicies(new PolicyInformation(DOMAIN_VALIDATED)));
        add(b, SCT_LIST, false, new DEROctetString(sctList));
        return sign(b, issuer);
    }

    /**
     * What an interception proxy sends instead of {@code genuine} (as the Kazakh forger and
     * sslsplit do): the same subject, encoded as it was, and the same alternative names; the serial
     * with its last four bytes replaced by {@code serialTail}; the validity moved {@code shiftHours}
     * earlier; the proxy's own key, issuer and key identifiers, and no SCTs or AIA.
     */
    static byte[] forgedLeaf(byte[] genuine, SynthKey proxyKey, Ca forger, int serialTail, int shiftHours) {
        TBSCertificate original = org.bouncycastle.asn1.x509.Certificate.getInstance(genuine).getTBSCertificate();
        BigInteger serial = original.getSerialNumber().getValue();
        BigInteger tail = BigInteger.valueOf(serialTail & 0xffff_ffffL);
        BigInteger forgedSerial = serial.shiftRight(Integer.SIZE).shiftLeft(Integer.SIZE).or(tail);
        if (forgedSerial.equals(serial)) {
            forgedSerial = forgedSerial.flipBit(0);
        }
        long shiftSeconds = shiftHours * 3600L;
        Instant from = original.getStartDate().getDate().toInstant().minusSeconds(shiftSeconds);
        Instant to = original.getEndDate().getDate().toInstant().minusSeconds(shiftSeconds);
        X509v3CertificateBuilder b = builder(forger.name(), forgedSerial, from, to, original.getSubject(), proxyKey);
        Extensions extensions = original.getExtensions();
        leafExtensions(b, proxyKey, forger.key(), GeneralNames.fromExtensions(extensions, Extension.subjectAlternativeName));
        return sign(b, forger);
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, BigInteger serial, Instant from, Instant to,
                                                    X500Name subject, SynthKey key) {
        return new X509v3CertificateBuilder(issuer, serial, Date.from(from), Date.from(to), subject, key.spki());
    }

    private static void caExtensions(X509v3CertificateBuilder b, SynthKey subject, SynthKey issuer, Integer pathLength) {
        add(b, Extension.basicConstraints, true, pathLength == null ? new BasicConstraints(true) : new BasicConstraints(pathLength));
        add(b, Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign));
        keyIdentifiers(b, subject, issuer);
    }

    private static void leafExtensions(X509v3CertificateBuilder b, SynthKey subject, SynthKey issuer, GeneralNames names) {
        add(b, Extension.basicConstraints, true, new BasicConstraints(false));
        add(b, Extension.keyUsage, true, new KeyUsage(subject.isRsa()
                ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment : KeyUsage.digitalSignature));
        add(b, Extension.extendedKeyUsage, false,
                new ExtendedKeyUsage(new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
        keyIdentifiers(b, subject, issuer);
        add(b, Extension.subjectAlternativeName, false, names);
    }

    private static void keyIdentifiers(X509v3CertificateBuilder b, SynthKey subject, SynthKey issuer) {
        BcX509ExtensionUtils ids = new BcX509ExtensionUtils();
        add(b, Extension.subjectKeyIdentifier, false, ids.createSubjectKeyIdentifier(subject.spki()));
        add(b, Extension.authorityKeyIdentifier, false, ids.createAuthorityKeyIdentifier(issuer.spki()));
    }

    private static void add(X509v3CertificateBuilder b, ASN1ObjectIdentifier oid, boolean critical, ASN1Encodable value) {
        try {
            b.addExtension(oid, critical, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] sign(X509v3CertificateBuilder b, Ca issuer) {
        return sign(b, issuer.key());
    }

    private static byte[] sign(X509v3CertificateBuilder b, SynthKey signer) {
        try {
            return b.build(signer.signer()).getEncoded();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
