package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlswatch capture} on the loopback interface while openssl's client and server talk (as
 * root in CI; skipped with the reason where capturing is not allowed). The command runs in a child
 * JVM, as an operator runs it, and is stopped with SIGTERM.
 */
class CaptureCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Starts {@code tlswatch capture ARGS} in a child JVM and waits until it reads. */
    private Process startCapture(Path stderr, String... args) throws Exception {
        List<String> command = ChildTlswatch.command("capture");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectError(stderr.toFile())
                .redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline && p.isAlive()) {
            if (Files.exists(stderr) && Files.readString(stderr).contains("tlswatch capture: reading")) {
                return p;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("capture did not start: " + Files.readString(stderr));
    }

    private static byte[] derOf(Path pem) throws Exception {
        try (var in = Files.newInputStream(pem)) {
            return CertificateFactory.getInstance("X.509").generateCertificate(in).getEncoded();
        }
    }

    private static List<JsonNode> documents(Path file) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            all.add(JSON.readTree(line));
        }
        return all;
    }

    private static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> d.path("event").path("kind").asText().equals(kind)).toList();
    }

    @Test
    void sessionsOfTheFilteredPortComeOutAndSigtermFlushesTheOpenOnes() throws Exception {
        LoopbackTlsPeers.assumeCanCaptureTls();
        int port = LoopbackTlsPeers.freePort();
        int hanging = LoopbackTlsPeers.freePort();
        int excluded = LoopbackTlsPeers.freePort();
        Path stderr = dir.resolve("stderr.txt");
        Process capture;
        try (LoopbackTlsPeers peers = new LoopbackTlsPeers(dir)) {
            peers.server("kept.example.test", port);
            peers.server("excluded.example.test", excluded);
            capture = startCapture(stderr, "-i", "lo", "--filter", "tcp port " + port + " or tcp port " + hanging,
                    "-o", dir.resolve("findings-%Y-%m-%d.jsonl").toString(), "--stats-interval", "1",
                    "--workers", "1", "--buffer-size", "8");
            peers.client("kept.example.test", port);
            peers.client("excluded.example.test", excluded);
            peers.unansweredClient("open.example.test", hanging);
            Thread.sleep(1500);
            capture.destroy(); // SIGTERM
            assertTrue(capture.waitFor(30, TimeUnit.SECONDS), "capture ended after SIGTERM");
        }
        String err = Files.readString(stderr);
        assertEquals(0, capture.exitValue(), err);

        Path output;
        try (var files = Files.list(dir)) {
            output = files.filter(f -> f.getFileName().toString().startsWith("findings-")).findFirst().orElseThrow();
        }
        List<JsonNode> docs = documents(output);
        List<JsonNode> sessions = ofKind(docs, "session");
        List<String> names = sessions.stream().map(s -> s.path("tls").path("client").path("server_name").asText()).sorted().toList();
        assertEquals(List.of("kept.example.test", "open.example.test"), names, "only the filter's ports: " + err);

        JsonNode kept = sessions.stream().filter(s -> s.path("tls").path("client").path("server_name").asText()
                .equals("kept.example.test")).findFirst().orElseThrow();
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(derOf(dir.resolve("kept.example.test.crt.pem"))));
        assertEquals(sha256, kept.path("tls").path("server").path("hash").path("sha256").asText());
        assertEquals(port, kept.path("destination").path("port").asInt());
        assertTrue(kept.path("tls").path("established").asBoolean());
        List<JsonNode> certificates = ofKind(docs, "certificate");
        assertEquals(1, certificates.size());
        assertEquals(sha256, certificates.get(0).path("hash").path("sha256").asText());

        JsonNode open = sessions.stream().filter(s -> s.path("tls").path("client").path("server_name").asText()
                .equals("open.example.test")).findFirst().orElseThrow();
        assertEquals("end_of_input", open.path("tlswatch").path("handshake").path("end").asText(),
                "the flow still open at SIGTERM was finished and written");

        List<JsonNode> stats = ofKind(docs, "stats");
        assertTrue(stats.size() >= 2, "a stats document per second and a last one: " + stats.size());
        JsonNode last = stats.get(stats.size() - 1).path("tlswatch").path("capture");
        assertTrue(last.path("final").asBoolean());
        assertEquals("lo", stats.get(0).path("observer").path("ingress").path("interface").path("name").asText());
        assertTrue(last.path("delivered").asLong() >= 10, "the handshakes' packets were read: " + last);
        assertEquals(0, last.path("kernel_dropped").asLong());
        assertEquals(0, last.path("dropped_by_us").asLong());
        assertTrue(err.contains("tlswatch capture: lo +"), "stats lines on stderr: " + err);
    }

    @Test
    void missingInterfaceIsOneLineThatPointsToTheList() {
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"capture", "-i", "tlswatch-nosuch9"}, new PrintWriter(err, true));
        String text = err.toString();
        if (text.contains("permission denied")) {
            assertEquals(Tlswatch.EXIT_FAILURE, status);
            return; // without privileges libpcap says so before it looks for the device
        }
        assertEquals(Tlswatch.EXIT_FAILURE, status);
        assertEquals("tlswatch: cannot open tlswatch-nosuch9: no such device (see 'tlswatch capture --list')\n", text);
    }

    @Test
    void badFilterIsOneLineAndAUsageStatus() throws Exception {
        LoopbackTlsPeers.assumeCanCaptureTls();
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"capture", "-i", "lo", "--filter", "tcp prot 443"},
                new PrintWriter(err, true));
        assertEquals(Tlswatch.EXIT_USAGE, status);
        assertTrue(err.toString().startsWith("tlswatch: bad filter 'tcp prot 443': "), err.toString());
        assertTrue(err.toString().contains("syntax error"), err.toString());
        assertEquals(1, err.toString().lines().count());
    }

    @Test
    void noInterfaceIsAUsageError() {
        StringWriter err = new StringWriter();
        assertEquals(Tlswatch.EXIT_USAGE, Tlswatch.run(new String[] {"capture"}, new PrintWriter(err, true)));
        assertTrue(err.toString().contains("an interface is required"), err.toString());
    }
}
