package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tlswatch replay} as a user runs it: documents out, a summary, one-line errors, exit status. */
class ReplayCommandTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");
    private final ObjectMapper json = new ObjectMapper();
    private final StringWriter stderr = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Tlswatch.run(args, new PrintWriter(stderr, true));
    }

    private List<JsonNode> documents(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            out.add(json.readTree(line));
        }
        return out;
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("event").path("kind").asText())).toList();
    }

    private String[] errorLines() {
        return Arrays.stream(stderr.toString().split("\n")).filter(l -> l.startsWith("tlswatch: ")).toArray(String[]::new);
    }

    @Test
    void sampleCaptureGivesOneSessionPerHandshakeAndOneDocumentPerCertificate() throws IOException {
        Path out = dir.resolve("findings.jsonl");
        assertEquals(0, run("replay", "--sensor", "lab", "-o", out.toString(), SAMPLE.toString()));
        List<JsonNode> docs = documents(out);
        List<JsonNode> sessions = ofKind(docs, "session");
        assertEquals(List.of("shop.example.test", "mail.example.test", "retry.example.test", "legacy.example.test"),
                sessions.stream().map(s -> s.at("/tls/client/server_name").asText()).toList());
        assertEquals(List.of("1.2", "1.3", "1.3", "1.1"), sessions.stream().map(s -> s.at("/tls/version").asText()).toList());
        assertTrue(sessions.stream().allMatch(s -> s.at("/tls/established").asBoolean()));
        assertEquals("http/1.1", sessions.get(0).at("/tls/next_protocol").asText());
        assertEquals("lab", sessions.get(0).at("/observer/name").asText());
        assertEquals(2, ofKind(docs, "certificate").size(), "TLS 1.3 hides its certificate");
        assertTrue(stderr.toString().contains("tls sessions  4 (established 4"), stderr.toString());
        assertEquals(0, errorLines().length);
    }

    @Test
    void gzippedCapturesAndFoldersAreRead() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("captures/nested"));
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(folder.resolve("a.pcap.gz")))) {
            gz.write(Files.readAllBytes(SAMPLE));
        }
        Files.copy(SAMPLE, dir.resolve("captures/b.pcap"));
        Files.writeString(dir.resolve("captures/notes.txt"), "not a capture, and not picked from a folder");
        Path out = dir.resolve("out.jsonl");
        assertEquals(0, run("replay", "-q", "-o", out.toString(), dir.resolve("captures").toString()));
        assertEquals(8, ofKind(documents(out), "session").size());
        assertEquals(0, errorLines().length, stderr.toString());
    }

    @Test
    void missingFileIsOneLineAndExitStatusOne() {
        assertEquals(1, run("replay", "-q", "-o", dir.resolve("o.jsonl").toString(), "no-such.pcap"));
        assertEquals(List.of("tlswatch: no-such.pcap: no such file or directory"), List.of(errorLines()));
        assertFalse(stderr.toString().contains("Exception"));
    }

    @Test
    void fileThatIsNotACaptureIsNamedWithTheReason() throws IOException {
        Path text = Files.writeString(dir.resolve("readme.pcap"), "Hello, this is text");
        assertEquals(1, run("replay", "-q", "-o", dir.resolve("o.jsonl").toString(), text.toString()));
        String[] lines = errorLines();
        assertEquals(1, lines.length);
        assertTrue(lines[0].startsWith("tlswatch: " + text + ": not a pcap or pcapng file"), lines[0]);
    }

    @Test
    void truncatedCaptureKeepsWhatWasReadableAndSaysWhere() throws IOException {
        byte[] whole = Files.readAllBytes(SAMPLE);
        Path cut = Files.write(dir.resolve("cut.pcap"), Arrays.copyOf(whole, whole.length - 100));
        Path out = dir.resolve("o.jsonl");
        assertEquals(0, run("replay", "-q", "-o", out.toString(), cut.toString()));
        String[] lines = errorLines();
        assertEquals(1, lines.length, stderr.toString());
        assertTrue(lines[0].startsWith("tlswatch: " + cut + ": "), lines[0]);
        assertEquals(4, ofKind(documents(out), "session").size(), "the last handshake ended long before the cut");
    }

    @Test
    void unknownLinkTypeIsReportedPerFile() throws IOException {
        Path odd = dir.resolve("user0.pcap");
        try (OutputStream o = Files.newOutputStream(odd)) {
            PcapWriter w = new PcapWriter(o, 147);
            w.write(1_000_000_000L, new byte[] {1, 2, 3, 4});
            w.write(2_000_000_000L, new byte[] {5, 6, 7, 8});
        }
        assertEquals(1, run("replay", "-q", "-o", dir.resolve("o.jsonl").toString(), odd.toString()));
        assertEquals(List.of("tlswatch: " + odd + ": link type 147 is not supported: 2 of 2 packets skipped"),
                List.of(errorLines()));
    }

    @Test
    void badOptionValueIsOneLineAndExitStatusTwo() {
        assertEquals(2, run("replay", "--max-flows", "0", SAMPLE.toString()));
        assertEquals(List.of("tlswatch: --max-flows must be at least 1 (see 'replay --help')"), List.of(errorLines()));
    }

    @Test
    void unknownOptionAndMissingArgumentsAreUsageErrors() {
        assertEquals(2, run("replay", "--bogus", SAMPLE.toString()));
        assertEquals(2, run("replay"));
        assertEquals(2, run("frobnicate"));
        assertEquals(3, errorLines().length, stderr.toString());
        assertFalse(stderr.toString().contains("at io.tlswatch"), "no stack trace");
    }
}
