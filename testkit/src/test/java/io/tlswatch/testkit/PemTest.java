package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first certificate of a PEM file, wherever it stands in the file. */
class PemTest {
    @TempDir
    Path dir;

    @Test
    void decodesTheFirstCertificateAfterExplanatoryText() throws IOException {
        Path file = Files.writeString(dir.resolve("chain.pem"), "subject=CN = a\n-----BEGIN CERTIFICATE-----\n"
                + "AQID\nBA==\n-----END CERTIFICATE-----\n-----BEGIN CERTIFICATE-----\nBQY=\n-----END CERTIFICATE-----\n");
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Pem.certificateDer(file));
    }

    @Test
    void fileWithoutACertificateIsRefused() throws IOException {
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PRIVATE KEY-----\nAQID\n-----END PRIVATE KEY-----\n");
        Path cut = Files.writeString(dir.resolve("cut.pem"), "-----BEGIN CERTIFICATE-----\nAQID\n");
        assertThrows(IllegalArgumentException.class, () -> Pem.certificateDer(key));
        assertThrows(IllegalArgumentException.class, () -> Pem.certificateDer(cut));
    }
}
