package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Wireshark's tshark on a capture, as an outside judge of the frames and handshakes we write.
 * CI installs only tcpdump and openssl, so a test that calls {@link #require()} is skipped there,
 * with the reason. IPv4 and TCP checksum validation is on for every run.
 */
public final class Tshark {
    private Tshark() {
    }

    /** Skips the calling test unless {@code tshark} runs. */
    public static void require() {
        boolean runs;
        try {
            runs = run(List.of("tshark", "-v")).startsWith("TShark");
        } catch (UncheckedIOException e) {
            runs = false;
        }
        assumeTrue(runs, "tshark is not installed: the outside check of synthetic captures is skipped");
    }

    /** One row per frame, the given fields tab-separated (empty where a field is absent). */
    public static List<String[]> fields(Path capture, String... fields) {
        List<String> arguments = new ArrayList<>(List.of("-T", "fields"));
        for (String f : fields) {
            arguments.add("-e");
            arguments.add(f);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : lines(capture, arguments.toArray(String[]::new))) {
            rows.add(line.split("\t", -1));
        }
        return rows;
    }

    /** The non-empty lines tshark prints for the capture with these further arguments (a display filter, fields). */
    public static List<String> lines(Path capture, String... arguments) {
        List<String> command = new ArrayList<>(List.of("tshark", "-n", "-r", capture.toString(),
                "-o", "ip.check_checksum:TRUE", "-o", "tcp.check_checksum:TRUE"));
        command.addAll(List.of(arguments));
        return run(command).lines().filter(line -> !line.isEmpty()).toList();
    }

    /** The bytes of each direction of TCP stream {@code stream} as tshark follows it: {client hex, server hex}. */
    public static String[] followRaw(Path capture, int stream) {
        String out = run(List.of("tshark", "-n", "-r", capture.toString(), "-q", "-z", "follow,tcp,raw," + stream));
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        boolean inData = false;
        for (String line : out.split("\n")) {
            if (line.startsWith("Node 1:")) {
                inData = true;
            } else if (line.startsWith("=====")) {
                inData = false;
            } else if (inData) {
                (line.startsWith("\t") ? second : first).append(line.strip());
            }
        }
        return new String[] {first.toString(), second.toString()};
    }

    private static String run(List<String> command) {
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("tshark did not finish within 60 s");
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
