package io.tlswatch.analyzer.x509.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Test data: the trust package's resources, and the x509 package's next to it. */
final class TrustResources {
    private TrustResources() {
    }

    /** A resource by absolute class-path name, e.g. "/io/tlswatch/analyzer/x509/interceptors/roots.tsv". */
    static byte[] bytes(String absolutePath) {
        try (InputStream in = TrustResources.class.getResourceAsStream(absolutePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + absolutePath);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String absolutePath) {
        return new String(bytes(absolutePath), StandardCharsets.UTF_8);
    }

    /** The DER of every CERTIFICATE block in {@code pem}, in order. */
    static List<byte[]> pemCertificates(String pem) {
        List<byte[]> ders = new ArrayList<>();
        String begin = "-----BEGIN CERTIFICATE-----";
        String end = "-----END CERTIFICATE-----";
        for (int at = pem.indexOf(begin); at >= 0; at = pem.indexOf(begin, at + 1)) {
            ders.add(Base64.getMimeDecoder().decode(pem.substring(at + begin.length(), pem.indexOf(end, at))));
        }
        return ders;
    }


    /** The certificates of a bundled real chain, in the order the server sent them. */
    static List<byte[]> chain(String name) {
        return pemCertificates(text("/io/tlswatch/analyzer/x509/trust/chains/" + name + ".pem"));
    }

    /** Rows of a tab-separated file with a header line, each as its cells by column index. */
    static List<String[]> tsvRows(String text) {
        List<String[]> rows = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split("\t", -1));
            }
        }
        return rows;
    }
}
