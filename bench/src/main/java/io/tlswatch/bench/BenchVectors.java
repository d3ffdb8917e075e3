package io.tlswatch.bench;

import io.tlswatch.testkit.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The real bytes the benchmarks run on: the analyzer's annotated TLS stream vectors (one direction
 * of a TCP connection each, extracted from the shared corpus with tshark) and DER certificates from
 * the corpus, both copied into this jar from the analyzer's test resources by the build.
 */
final class BenchVectors {
    private BenchVectors() {
    }

    /** A stream vector by name, such as {@code chrome125-client}. */
    static byte[] stream(String name) {
        return Hex.bytes(new String(resource("streams/" + name + ".hex"), StandardCharsets.US_ASCII));
    }

    /** A DER certificate by file name, such as {@code tls__ecdhe-1.der}. */
    static byte[] certificate(String fileName) {
        return resource("certificates/" + fileName);
    }

    private static byte[] resource(String path) {
        try (InputStream in = BenchVectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + path + " next to " + BenchVectors.class.getName());
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
