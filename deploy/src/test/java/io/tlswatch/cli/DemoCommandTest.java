package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.embedded.EmbeddedElasticsearch;
import io.tlswatch.testkit.ElasticsearchNode;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tlswatch demo --no-wait} end to end, in this JVM: a real Kafka broker and a real
 * Elasticsearch child process, the shipped samples replayed through them, and the prevalence the
 * demo reads back from Elasticsearch equal to what the replay's own summary said; run twice over
 * the same data folder, and nothing left running after.
 */
class DemoCommandTest {
    private static final Path SAMPLES = SharedCorpus.repoRoot().resolve("deploy/samples");
    private static final Pattern SHARE = Pattern.compile("(\\w+) ([\\d,]+) \\(");
    private static final Pattern INTERCEPTOR = Pattern.compile("\\[([^\\]]+)]: ([\\d,]+) sessions");

    @TempDir
    Path data;

    /** The summaries of one run: the replay's (first) and the one read from Elasticsearch (second). */
    private record Run(int status, String replay, String elasticsearch, String all) {
    }

    private Run demo() {
        Path home = ElasticsearchNode.home();
        assumeTrue(EmbeddedElasticsearch.isDistribution(home),
                "no Elasticsearch distribution at -D" + ElasticsearchNode.HOME_PROPERTY + ": test skipped");
        try {
            // Elasticsearch runs as uid 65534 when the tests run as root: it must reach the data folder.
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"demo", "--no-wait", "--data-dir", data.toString(), "--kafka-port", "0",
                "--elasticsearch-port", "0", "--dashboard-port", "0", "--elasticsearch-home", home.toString(), "--samples", SAMPLES.toString()},
                new PrintWriter(err, true), Map.of());
        String all = err.toString();
        int split = all.indexOf("prevalence in Elasticsearch");
        assertTrue(split > 0, all);
        return new Run(status, all.substring(0, split), all.substring(split), all);
    }

    private static Map<String, Long> verdicts(String summary) {
        String line = summary.lines().filter(l -> l.startsWith("  verdicts ")).findFirst()
                .orElseThrow(() -> new AssertionError("no verdicts line in " + summary));
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = SHARE.matcher(line);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        assertEquals(List.of("intercepted", "suspected", "clean", "not_observable"), List.copyOf(counts.keySet()), line);
        return counts;
    }

    private static Map<String, Long> interceptors(String summary) {
        Map<String, Long> counts = new LinkedHashMap<>();
        Matcher m = INTERCEPTOR.matcher(summary);
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        return counts;
    }

    @Test
    @Timeout(240)
    void theDemoPrintsFromElasticsearchWhatTheReplaySaidAndASecondRunCountsNothingTwice() {
        Run first = demo();
        assertEquals(0, first.status(), first.all());
        Map<String, Long> said = verdicts(first.replay());
        assertTrue(said.get("intercepted") > 10 && said.get("clean") > said.get("intercepted"),
                "the samples: some intercepted, most clean: " + said);
        assertTrue(first.replay().contains("lost 0;"), first.replay());
        assertEquals(said, verdicts(first.elasticsearch()), first.all());
        Map<String, Long> interceptors = interceptors(first.replay());
        assertTrue(interceptors.keySet().containsAll(List.of("kz-qaznet-trust-network-2019", "fortinet-fortigate")),
                interceptors.toString());
        assertEquals(interceptors, interceptors(first.elasticsearch()), first.all());
        assertTrue(first.elasticsearch().contains("  elasticsearch http://127.0.0.1:"), first.elasticsearch());
        assertTrue(first.elasticsearch().matches("(?s).*\n  dashboard +http://127\\.0\\.0\\.1:[0-9]+/\n.*"),
                "the dashboard's address: " + first.elasticsearch());

        Run second = demo();
        assertEquals(0, second.status(), second.all());
        assertEquals(said, verdicts(second.replay()), "the same samples, the same replay");
        assertEquals(said, verdicts(second.elasticsearch()), "the same documents again under the same ids: "
                + second.all());
        assertEquals(interceptors, interceptors(second.elasticsearch()), second.all());

        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().commandLine().orElse("")
                .contains(data.toString())), "no Elasticsearch left running on the data folder");
    }

    @Test
    void withoutAnElasticsearchDistributionTheDemoSaysWhereToGetOne() {
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"demo", "--no-wait", "--data-dir", data.toString(), "--kafka-port", "0",
                "--elasticsearch-port", "0", "--dashboard-port", "0", "--samples", SAMPLES.toString()}, new PrintWriter(err, true), Map.of());

        assertEquals(Tlswatch.EXIT_FAILURE, status, err.toString());
        assertTrue(err.toString().contains("no Elasticsearch distribution in " + data), err.toString());
        assertTrue(err.toString().contains("./tlswatch demo"), err.toString());
    }
}
