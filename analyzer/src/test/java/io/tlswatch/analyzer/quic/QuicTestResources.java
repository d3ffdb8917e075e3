package io.tlswatch.analyzer.quic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Text test data: beside the tests (a relative name) or anywhere on the test class path ("/..."). */
final class QuicTestResources {
    private QuicTestResources() {
    }

    static String text(String name) {
        try (InputStream in = QuicTestResources.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
