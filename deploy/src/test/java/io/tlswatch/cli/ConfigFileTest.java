package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The configuration file and the environment give options their defaults, the command line wins,
 * {@code tlswatch config check} finds what is wrong with a file, line by line, and {@code tlswatch
 * config example} writes a file that documents every option and passes the check.
 */
class ConfigFileTest {
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");
    private static final Path SHIPPED_EXAMPLE = SharedCorpus.repoRoot().resolve("deploy/tlswatch.conf.example");

    @TempDir
    Path dir;
    private final StringWriter stderr = new StringWriter();

    @Test
    void fileGivesTheDefaultAndTheCommandLineWins() throws IOException {
        Path config = write("sensor = from-file\n");

        assertEquals("from-file", sensorOfReplay(Map.of(), "--config", config.toString()));
        assertEquals("from-flag", sensorOfReplay(Map.of(), "--config=" + config, "--sensor", "from-flag"));
    }

    @Test
    void commandKeyBeatsPlainKeyAndEnvironmentBeatsFile() throws IOException {
        Path config = write("sensor = plain\nreplay.sensor = for-replay\n");

        assertEquals("for-replay", sensorOfReplay(Map.of(), "--config", config.toString()));
        assertEquals("from-env", sensorOfReplay(Map.of("TLSWATCH_SENSOR", "from-env"), "--config", config.toString()));
        assertEquals("replay-env", sensorOfReplay(Map.of("TLSWATCH_SENSOR", "from-env", "TLSWATCH_REPLAY_SENSOR", "replay-env"),
                "--config", config.toString()));
    }

    @Test
    void configFileFromTheEnvironment() throws IOException {
        Path config = write("# a comment\n\nsensor = named-by-env\n");

        assertEquals("named-by-env", sensorOfReplay(Map.of("TLSWATCH_CONFIG", config.toString())));
    }

    @Test
    void missingConfigFileIsOneLineAndUsageExit() {
        int status = Tlswatch.run(new String[] {"replay", "--config", dir.resolve("nope.conf").toString(), SAMPLE.toString()},
                new PrintWriter(stderr, true), Map.of());

        assertEquals(Tlswatch.EXIT_USAGE, status);
        assertEquals(1, stderr.toString().lines().count(), stderr.toString());
        assertTrue(stderr.toString().contains("nope.conf: no such file"), stderr.toString());
    }

    @Test
    void checkAcceptsAGoodFile() throws IOException {
        Path config = write("max-flows = 2000000\ncapture.buffer-size = 128\nquiet = true\nreplay.workers = 2\n");

        Result r = run("config", "check", config.toString());

        assertEquals(0, r.status, r.err);
        assertTrue(r.out.contains("4 settings, all valid"), r.out);
    }

    @Test
    void checkNamesEveryProblemWithItsLine() throws IOException {
        Path config = write(String.join("\n",
                "max-flow = 10",                 // 1: a typo
                "max-flows = lots",              // 2: not a number
                "capture.workerz = 2",           // 3: not an option of capture
                "render.sensor = x",             // 4: no such command
                "quiet = maybe",                 // 5: a flag takes true or false
                "sensor = ok") + "\n");

        Result r = run("config", "check", config.toString());

        assertEquals(Tlswatch.EXIT_FAILURE, r.status);
        List<String> lines = r.err.lines().toList();
        assertEquals(5, lines.size(), r.err);
        assertTrue(lines.get(0).contains(":1: no command has an option --max-flow (did you mean --max-flows?)"), lines.get(0));
        assertTrue(lines.get(1).contains(":2: max-flows: ") && lines.get(1).contains("'lots'"), lines.get(1));
        assertTrue(lines.get(2).contains(":3: 'capture' has no option --workerz (did you mean --workers?)"), lines.get(2));
        assertTrue(lines.get(3).contains(":4: no command 'render' has options"), lines.get(3));
        assertTrue(lines.get(4).contains(":5: quiet: 'maybe' is not true or false"), lines.get(4));
    }

    @Test
    void checkStopsAtBrokenSyntaxWithTheLine() throws IOException {
        Path config = write("sensor = a\nthis line has no equals sign\n");

        Result r = run("config", "check", config.toString());

        assertEquals(Tlswatch.EXIT_FAILURE, r.status);
        assertTrue(r.err.contains(":2: expected 'key = value'"), r.err);
        Result dashes = run("config", "check", write("--sensor = a\n").toString());
        assertTrue(dashes.err.contains(":1: write the option without dashes: 'sensor = ...'"), dashes.err);
        Result twice = run("config", "check", write("sensor = a\nsensor = b\n").toString());
        assertTrue(twice.err.contains(":2: 'sensor' is set again (first on line 1)"), twice.err);
    }

    @Test
    void exampleDocumentsEveryOptionAndItsValuesPassTheCheck() throws IOException {
        Result example = run("config", "example");
        assertEquals(0, example.status, example.err);
        assertTrue(example.out.contains("# max-flows = 1000000"), "shared options under their plain names");
        assertTrue(example.out.contains("# capture.buffer-size = 64"), "a command's own options under command.option");
        assertTrue(example.out.contains("# synth.flows = 1000"));

        // every example line with a value, uncommented, is a valid configuration
        List<String> settings = new ArrayList<>();
        for (String line : example.out.lines().toList()) {
            if (line.matches("# [a-z0-9.-]+ = .+")) {
                settings.add(line.substring(2));
            }
        }
        assertTrue(settings.size() > 15, settings.toString());
        Result check = run("config", "check", write(String.join("\n", settings) + "\n").toString());
        assertEquals(0, check.status, check.err);
    }

    @Test
    void shippedExampleIsTheOneTheCommandsWrite() throws IOException {
        String shipped = Files.readString(SHIPPED_EXAMPLE, StandardCharsets.UTF_8);

        assertEquals(run("config", "example").out, shipped,
                "deploy/tlswatch.conf.example is stale: ./tlswatch config example > deploy/tlswatch.conf.example");
    }

    private String sensorOfReplay(Map<String, String> environment, String... options) throws IOException {
        Path out = dir.resolve("findings-" + System.nanoTime() + ".jsonl");
        List<String> args = new ArrayList<>(List.of("replay", "-q", "-o", out.toString()));
        args.addAll(List.of(options));
        args.add(SAMPLE.toString());
        int status = Tlswatch.run(args.toArray(String[]::new), new PrintWriter(stderr, true), environment);
        assertEquals(0, status, stderr.toString());
        String first = Files.readAllLines(out).get(0);
        return new ObjectMapper().readTree(first).path("observer").path("name").asText();
    }

    private Path write(String text) throws IOException {
        Path file = Files.createTempFile(dir, "tlswatch", ".conf");
        Files.writeString(file, text);
        return file;
    }

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter err = new StringWriter();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        int status;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            status = Tlswatch.run(args, new PrintWriter(err, true), Map.of());
        } finally {
            System.setOut(original);
        }
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString());
    }
}
