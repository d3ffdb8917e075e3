package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code replay --pseudonymise-clients KEYFILE --drop-clean-server-names} as a user runs it. */
class PrivacyOptionsTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");
    private final StringWriter stderr = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Tlswatch.run(args, new PrintWriter(stderr, true));
    }

    private Path key(String permissions) throws IOException {
        Path key = dir.resolve("clients.key");
        Files.write(key, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
            17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32});
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(permissions));
        return key;
    }

    @Test
    void pseudonymisedReplayWritesNoClientAddressOfTheCapture() throws IOException {
        Path plain = dir.resolve("plain.jsonl");
        Path pseudonymised = dir.resolve("pseudonymised.jsonl");
        assertEquals(0, run("replay", "-q", "-o", plain.toString(), SAMPLE.toString()));
        assertEquals(0, run("replay", "-q", "--pseudonymise-clients", key("rw-------").toString(),
                "--drop-clean-server-names", "-o", pseudonymised.toString(), SAMPLE.toString()));
        List<String> clients = field(plain, "source");
        List<String> pseudonyms = field(pseudonymised, "source");
        assertEquals(clients.size(), pseudonyms.size());
        for (String client : clients) {
            assertFalse(pseudonyms.contains(client), client);
        }
        assertEquals(field(plain, "destination"), field(pseudonymised, "destination"), "servers are kept");
        assertEquals(Files.readAllLines(plain).size(), Files.readAllLines(pseudonymised).size());
    }

    /** The {@code ip} of an endpoint object of every session line (the loopback sample's server is also 127.0.0.1). */
    private static List<String> field(Path documents, String endpoint) throws IOException {
        String pattern = ".*\"" + endpoint + "\":\\{\"ip\":\"([^\"]+)\".*";
        return Files.readAllLines(documents).stream().filter(l -> l.matches(pattern))
                .map(l -> l.replaceAll(pattern, "$1")).toList();
    }

    @Test
    void aKeyThatOthersCanReadIsOneLineAndExitStatusOne() throws IOException {
        Path out = dir.resolve("out.jsonl");
        assertEquals(1, run("replay", "--pseudonymise-clients", key("rw-r--r--").toString(), "-o", out.toString(),
                SAMPLE.toString()));
        String[] lines = stderr.toString().split("\n");
        assertEquals(1, lines.length, stderr.toString());
        assertTrue(lines[0].startsWith("tlswatch: ") && lines[0].contains("chmod 600"), lines[0]);
        assertFalse(Files.exists(out), "nothing is written before the key is accepted");
    }

    @Test
    void aMissingKeyFileIsOneLine() {
        assertEquals(1, run("replay", "--pseudonymise-clients", dir.resolve("nope.key").toString(), SAMPLE.toString()));
        assertTrue(stderr.toString().contains("no such key file"), stderr.toString());
    }
}
