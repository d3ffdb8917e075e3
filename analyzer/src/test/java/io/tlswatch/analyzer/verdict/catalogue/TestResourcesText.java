package io.tlswatch.analyzer.verdict.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text test resources of the x509 package (the bundled Kazakh roots) and of this one. */
final class TestResourcesText {
    private TestResourcesText() {
    }

    static String x509(String relativePath) {
        return read("/io/tlswatch/analyzer/x509/" + relativePath);
    }

    static String read(String absolutePath) {
        try (InputStream in = TestResourcesText.class.getResourceAsStream(absolutePath)) {
            if (in == null) {
                throw new IllegalArgumentException("no resource " + absolutePath);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
