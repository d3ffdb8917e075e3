package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.testpki.TestPki.Issued;
import io.tlswatch.analyzer.x509.trust.TrustAnchor;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;

/**
 * Real root certificates, as a server or a forger would use them: the Kazakh interception roots
 * copied from Chromium's blocklist into the x509 test resources (see interceptors/README.md), and
 * the roots of the Mozilla snapshot that ships with tlswatch. Nobody here holds their keys:
 * {@link Issued#keys()} is null.
 */
final class RealRoots {
    private static final String INTERCEPTORS = "/io/tlswatch/analyzer/x509/interceptors/";

    private RealRoots() {
    }

    /** A Kazakh root by its file name under x509/interceptors. */
    static Issued kazakh(String file) {
        return pem(RealRoots.class, INTERCEPTORS + file).get(0);
    }

    /**
     * The root of {@link TrustStore#mozillaSnapshot()} whose subject contains {@code subjectPart},
     * byte for byte as the snapshot's PEM holds it (its subject name's DER is what a forger copies).
     */
    static Issued mozilla(String subjectPart) {
        List<TrustAnchor> anchors = TrustStore.mozillaSnapshot().anchors().stream()
                .filter(a -> a.subject().contains(subjectPart)).toList();
        if (anchors.size() != 1) {
            throw new IllegalArgumentException(anchors.size() + " Mozilla roots named like " + subjectPart);
        }
        String sha256 = anchors.get(0).certificateSha256();
        return pem(TrustStore.class, TrustStore.MOZILLA_SNAPSHOT_RESOURCE).stream()
                .filter(root -> root.sha256().equals(sha256)).findFirst().orElseThrow();
    }

    /** Every certificate of a PEM resource, read by the JDK's own X.509 factory. */
    private static List<Issued> pem(Class<?> beside, String resource) {
        try (InputStream in = beside.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + resource);
            }
            List<Issued> certificates = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                X509Certificate x509 = (X509Certificate) c;
                certificates.add(new Issued(x509.getEncoded(), null,
                        X500Name.getInstance(x509.getSubjectX500Principal().getEncoded())));
            }
            return certificates;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }
}
