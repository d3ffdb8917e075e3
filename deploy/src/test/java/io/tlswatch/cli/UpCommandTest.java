package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.embedded.EmbeddedElasticsearch;
import io.tlswatch.testkit.ElasticsearchNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlswatch up} as a separate JVM, as a user runs it: it says where Kafka and Elasticsearch
 * answer, and SIGTERM (what Ctrl-C and systemctl stop send) stops everything, the Elasticsearch
 * child included, whether the stack was up or still starting.
 */
class UpCommandTest {
    private static final Pattern ELASTICSEARCH_URL = Pattern.compile("  elasticsearch (http://127\\.0\\.0\\.1:\\d+)");

    @TempDir
    Path data;

    private Process up(Path log) throws IOException {
        Path home = ElasticsearchNode.home();
        assumeTrue(EmbeddedElasticsearch.isDistribution(home),
                "no Elasticsearch distribution at -D" + ElasticsearchNode.HOME_PROPERTY + ": test skipped");
        // Elasticsearch runs as uid 65534 when the tests run as root: it must reach the data folder.
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        ProcessBuilder builder = new ProcessBuilder(ChildTlswatch.command("up", "--data-dir", data.resolve("var").toString(), "--kafka-port", "0", "--elasticsearch-port", "0", "--dashboard-port", "0",
                "--elasticsearch-home", home.toString(), "--elasticsearch-heap", "256m"))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("TLSWATCH_"));
        return builder.start();
    }

    private static String awaitLine(Process p, Path log, String wanted, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log, StandardCharsets.UTF_8);
            if (text.contains(wanted)) {
                return text;
            }
            assertTrue(p.isAlive(), "tlswatch up ended early:\n" + text);
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + wanted + "' in " + seconds + " s:\n" + Files.readString(log));
    }

    /** SIGTERM, then: the JVM and every process it started are gone, and nothing runs on the data folder. */
    private void terminateAndExpectNothingLeft(Process p, Path log) throws Exception {
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        assertTrue(p.waitFor(90, TimeUnit.SECONDS), "tlswatch up did not end on SIGTERM:\n" + Files.readString(log));
        for (ProcessHandle child : children) {
            assertTrue(child.onExit().get(30, TimeUnit.SECONDS) != null && !child.isAlive(), "left running: " + child.info());
        }
        assertTrue(ProcessHandle.allProcesses().noneMatch(h -> h.info().commandLine().orElse("").contains(data.toString())),
                "a process still runs on the data folder");
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("tlswatch: stopping kafka"), text);
    }

    @Test
    @Timeout(180)
    void upSaysWhereTheStackAnswersAndSigtermStopsItAll() throws Exception {
        Path log = data.resolve("up.log");
        Process p = up(log);
        try {
            String text = awaitLine(p, log, "Ctrl-C stops everything", 150);
            Matcher url = ELASTICSEARCH_URL.matcher(text);
            assertTrue(url.find(), text);
            assertTrue(text.contains("  kafka         127.0.0.1:"), text);
            assertTrue(text.contains("tlswatch replay --kafka 127.0.0.1:"), "tells how to send it findings:\n" + text);
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(url.group(1) + "/_cluster/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode(), health.body());

            terminateAndExpectNothingLeft(p, log);
            assertTrue(Files.readString(log).contains("tlswatch: stopping elasticsearch"));
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    @Timeout(120)
    void sigtermWhileElasticsearchIsStartingStopsItToo() throws Exception {
        Path log = data.resolve("up.log");
        Process p = up(log);
        try {
            awaitLine(p, log, "elasticsearch takes", 60);
            Thread.sleep(1500);
            assertTrue(p.descendants().findAny().isPresent(), "Elasticsearch's process was started");
            terminateAndExpectNothingLeft(p, log);
        } finally {
            p.destroyForcibly();
        }
    }
}
