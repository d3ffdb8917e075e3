package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.analyzer.synth.FlowPlan;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code tlswatch synth} as a user runs it: the capture and the roots written, a summary of what
 * the file holds, a replay with those roots that finds the forged sessions, and one-line errors
 * (exit status 2) for bad options.
 */
class SynthCommandTest {
    private static final byte[] PCAP_MAGIC_LE = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1};
    private static final byte[] PCAPNG_MAGIC = {0x0a, 0x0d, 0x0d, 0x0a};
    private final StringWriter stderr = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Tlswatch.run(args, new PrintWriter(stderr, true));
    }

    private List<String> errorLines() {
        return Arrays.stream(stderr.toString().split("\n")).filter(l -> l.startsWith("tlswatch: ")).toList();
    }

    @Test
    void writesTheCaptureAndTheRootsAndSaysWhatItHolds() throws IOException {
        Path out = dir.resolve("synth.pcap");
        Path roots = dir.resolve("roots");
        assertEquals(0, run("synth", "-o", out.toString(), "--flows", "40", "--mix", "handshake-heavy", "--sites", "10",
                "--seed", "3", "--forged-share", "0.2", "--write-roots", roots.toString()));
        byte[] file = Files.readAllBytes(out);
        assertArrayEquals(PCAP_MAGIC_LE, Arrays.copyOf(file, 4));
        String summary = stderr.toString();
        assertAll(summary,
                () -> assertTrue(summary.startsWith("tlswatch synth: wrote " + out + " (handshake-heavy mix, seed 3)")),
                () -> assertTrue(summary.contains("flows         40: TLS 1.2 40, TLS 1.3 0; 10 sites")),
                () -> assertTrue(summary.contains("written       " + String.format("%,d", file.length) + " bytes")),
                () -> assertTrue(Pattern.compile("time +[0-9.]+ s: certificates [0-9.]+ s, writing [0-9.]+ s at [0-9.]+ MB/s")
                        .matcher(summary).find()),
                () -> assertEquals(List.of(), errorLines()));
        assertEquals(3, certificates(roots.resolve(SyntheticPki.PUBLIC_ROOTS_FILE)));
        assertEquals(4, certificates(roots.resolve(SyntheticPki.INTERCEPTOR_ROOTS_FILE)));
    }

    @Test
    void aReplayWithTheWrittenRootsFindsEveryForgedSessionAndNoOther() throws IOException {
        Path out = dir.resolve("synth.pcap");
        Path roots = dir.resolve("roots");
        assertEquals(0, run("synth", "-q", "-o", out.toString(), "--flows", "60", "--data-bytes", "2000",
                "--tls13-share", "0", "--forged-share", "0.25", "--sites", "12", "--seed", "4",
                "--write-roots", roots.toString()));
        Path findings = dir.resolve("findings.jsonl");
        assertEquals(0, run("replay", "-q", "--extra-roots", roots.resolve(SyntheticPki.PUBLIC_ROOTS_FILE).toString(),
                "-o", findings.toString(), out.toString()));
        Map<String, Integer> expected = new TreeMap<>();
        SyntheticCapture same = new SyntheticCapture(SynthSettings.of(Mix.REALISTIC, 60).withDataBytes(2000)
                .withTls13Share(0).withForgedShare(0.25).withSites(12).withSeed(4));
        for (Iterator<FlowPlan> it = same.plans(); it.hasNext(); ) {
            FlowPlan p = it.next();
            expected.merge(p.forged() ? "intercepted " + p.forgedBy().catalogueId() : "clean", 1, Integer::sum);
        }
        Map<String, Integer> found = new TreeMap<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(findings)) {
            JsonNode d = json.readTree(line);
            if ("session".equals(d.at("/event/kind").asText())) {
                String verdict = d.at("/tlswatch/verdict").asText();
                found.merge("clean".equals(verdict) ? verdict : verdict + " " + d.at("/tlswatch/interceptor/id").asText(),
                        1, Integer::sum);
            }
        }
        assertEquals(expected, found);
        assertTrue(expected.size() > 2, "forgeries by several interceptors: " + expected);
    }

    @Test
    void pcapngIsWrittenWhenAsked() throws IOException {
        Path out = dir.resolve("synth.pcapng");
        assertEquals(0, run("synth", "-q", "--pcapng", "-o", out.toString(), "--flows", "5", "--data-bytes", "500",
                "--sites", "3"));
        assertArrayEquals(PCAPNG_MAGIC, Arrays.copyOf(Files.readAllBytes(out), 4));
        assertEquals("", stderr.toString(), "quiet");
    }

    @Test
    void concurrentFlowsAndHandshakesFirstWriteTheSameFlowsInAnotherOrder() throws IOException {
        Path open = dir.resolve("open.pcap");
        Path interleaved = dir.resolve("interleaved.pcap");
        assertEquals(0, run("synth", "-q", "-o", open.toString(), "--flows", "50", "--mix", "handshake-heavy",
                "--sites", "5", "--concurrent-flows", "50", "--handshakes-first"));
        assertEquals(0, run("synth", "-q", "-o", interleaved.toString(), "--flows", "50", "--mix", "handshake-heavy",
                "--sites", "5", "--concurrent-flows", "50"));
        assertEquals(Files.size(open), Files.size(interleaved), "the same flows, in another order");
        assertFalse(Arrays.equals(Files.readAllBytes(open), Files.readAllBytes(interleaved)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--flows 0", "--flows many", "--mix heavy", "--tls13-share 1.5", "--forged-share -0.1",
        "--tls13-share NaN", "--data-bytes 10", "--data-bytes 2000000000", "--sites 0", "--sites 100001", "--seed x",
        "--progress sometimes", "--concurrent-flows 0", "--concurrent-flows 2097153"})
    void aBadOptionIsOneLineAndExitStatusTwo(String option) {
        List<String> args = new ArrayList<>(List.of("synth", "-o", dir.resolve("never.pcap").toString()));
        args.addAll(List.of(option.split(" ")));
        assertEquals(2, run(args.toArray(String[]::new)), stderr.toString());
        List<String> lines = Arrays.stream(stderr.toString().split("\n")).filter(l -> !l.isBlank()).toList();
        assertEquals(1, lines.size(), stderr.toString());
        assertTrue(lines.get(0).startsWith("tlswatch: ") && lines.get(0).contains(option.split(" ")[0]), lines.get(0));
        assertFalse(stderr.toString().contains("Exception"));
        assertFalse(Files.exists(dir.resolve("never.pcap")), "nothing written");
    }

    @Test
    void theOutputIsRequired() {
        assertEquals(2, run("synth", "--flows", "3"));
        assertEquals(1, errorLines().size(), stderr.toString());
        assertTrue(errorLines().get(0).contains("--output"), errorLines().get(0));
    }

    @Test
    void aMissingOutputFolderIsOneLineAndExitStatusOne() {
        Path out = dir.resolve("no/such/folder/synth.pcap");
        assertEquals(1, run("synth", "-q", "-o", out.toString(), "--flows", "3"));
        assertEquals(List.of("tlswatch: cannot write " + out + ": no such directory " + out.getParent()), errorLines());
    }

    private static long certificates(Path pem) throws IOException {
        return Files.readAllLines(pem).stream().filter("-----BEGIN CERTIFICATE-----"::equals).count();
    }
}
