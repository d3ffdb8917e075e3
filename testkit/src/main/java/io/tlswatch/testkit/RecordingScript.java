package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of the recording scripts in {@code deploy/samples} with bash. Their exit status 3 means
 * a tool or the right to capture is missing: the calling test is skipped with the script's reason.
 * Any other failure, or a run past its time, fails the test with the script's output.
 */
final class RecordingScript {
    /** The scripts' exit status when a tool or the capture permission is missing. */
    static final int EXIT_TOOLS_MISSING = 3;

    private RecordingScript() {
    }

    /**
     * @param script    the script's path relative to the repository root
     * @param timeout   how long it may run before it is killed and the test fails
     * @param needs     what the script needs, for the skip message
     * @param arguments the script's arguments
     */
    static void run(String script, Duration timeout, String needs, List<String> arguments) {
        List<String> command = new ArrayList<>(List.of("bash", SharedCorpus.repoRoot().resolve(script).toString()));
        command.addAll(arguments);
        Path output = null;
        try {
            output = Files.createTempFile("tlswatch-recording", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + timeout.toSeconds()
                        + " s: " + Files.readString(output, StandardCharsets.UTF_8));
            }
            String said = Files.readString(output, StandardCharsets.UTF_8).strip();
            if (process.exitValue() == EXIT_TOOLS_MISSING) {
                // Surefire drops the reason of a class skipped in @BeforeAll: say it on the console too.
                String reason = "cannot record (needs " + needs + "): " + said;
                System.err.println("skipped: " + reason);
                abort(reason);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " failed (" + process.exitValue() + "): " + said);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(output);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary log is harmless
        }
    }
}
