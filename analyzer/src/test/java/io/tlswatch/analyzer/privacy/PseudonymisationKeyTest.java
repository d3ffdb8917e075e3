package io.tlswatch.analyzer.privacy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PseudonymisationKeyTest {
    @TempDir
    Path dir;

    @Test
    void aPrivate32ByteFileIsTheKey() throws IOException {
        Path key = keyFile(CryptoPanTest.REFERENCE_KEY, "rw-------");
        assertArrayEquals(CryptoPanTest.REFERENCE_KEY, PseudonymisationKey.read(key));
    }

    @Test
    void aMissingFileIsOneLineThatSaysHowToMakeOne() {
        String message = refusal(dir.resolve("absent.key"));
        assertTrue(message.contains("no such key file") && message.contains("head -c 32 /dev/urandom"), message);
    }

    @Test
    void aFileOfAnotherSizeIsRefused() throws IOException {
        assertTrue(refusal(keyFile(new byte[31], "rw-------")).contains("this file has 31"));
        assertTrue(refusal(keyFile(new byte[64], "rw-------")).contains("this file has 64"));
    }

    @Test
    void aKeyOthersCanReadIsRefused() throws IOException {
        String message = refusal(keyFile(CryptoPanTest.REFERENCE_KEY, "rw-r--r--"));
        assertTrue(message.contains("chmod 600"), message);
        assertTrue(refusal(keyFile(CryptoPanTest.REFERENCE_KEY, "rw-rw----")).contains("GROUP"));
    }

    @Test
    void aFolderIsNotAKey() {
        assertTrue(refusal(dir).contains("not a regular file"));
    }

    private String refusal(Path file) {
        String message = assertThrows(PseudonymisationKey.KeyFileException.class,
                () -> PseudonymisationKey.read(file)).getMessage();
        assertFalse(message.contains("\n"), "one line");
        assertTrue(message.startsWith(file.toString()), message);
        return message;
    }

    private Path keyFile(byte[] bytes, String permissions) throws IOException {
        Path file = Files.createTempFile(dir, "key", ".bin");
        Files.write(file, bytes);
        assumeTrue(Files.getFileStore(file).supportsFileAttributeView("posix"), "no POSIX permissions here");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        assertEquals(bytes.length, Files.size(file));
        return file;
    }
}
