package io.tlswatch.analyzer.output;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.x509.CertificateDocumentWriter;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.io.IOException;

/** A distinct certificate as a document, keyed by the SHA-256 of its DER. */
public final class CertificateDocument implements Document {
    private static final CertificateDocumentWriter WRITER = new CertificateDocumentWriter();

    private final CertificateInfo certificate;
    private final long firstSeenNanos;
    private final String sensor;

    public CertificateDocument(CertificateInfo certificate, long firstSeenNanos, String sensor) {
        this.certificate = certificate;
        this.firstSeenNanos = firstSeenNanos;
        this.sensor = sensor;
    }

    @Override
    public DocumentKind kind() {
        return DocumentKind.CERTIFICATE;
    }

    @Override
    public String key() {
        return certificate.sha256();
    }

    @Override
    public void writeTo(JsonGenerator json) throws IOException {
        WRITER.write(certificate, firstSeenNanos, sensor, json);
    }
}
