package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The systemd unit starts {@code tlswatch capture} without root: {@code
 * deploy/systemd/check-unprivileged.sh} runs the unit's own command line, on the jar this build
 * made, as {@code nobody} with only the unit's ambient capabilities (CAP_NET_RAW, CAP_NET_ADMIN),
 * stops it with SIGTERM, and runs it again without them. Needs root (to switch to nobody) and
 * setpriv; skipped with the reason otherwise.
 */
class UnprivilegedCaptureIT {

    @Test
    void theUnitsCommandLineCapturesAsNobodyWithTwoCapabilitiesAndAdvisesWithoutThem() throws Exception {
        Path jar = Path.of(System.getProperty("tlswatch.jar", "target/tlswatch.jar"));
        Path script = Path.of(System.getProperty("tlswatch.deploy.dir", ".")).resolve("systemd/check-unprivileged.sh");
        assumeTrue(Files.isRegularFile(jar), "the runnable jar was not built: " + jar);
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to switch to nobody");
        assumeTrue(onPath("setpriv"), "setpriv (util-linux) is not installed");

        Process check = new ProcessBuilder("bash", script.toString(), jar.toString()).redirectErrorStream(true).start();
        String output;
        try (var in = check.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(check.waitFor(120, TimeUnit.SECONDS), "the check did not finish");

        assertEquals(0, check.exitValue(), output);
        assertTrue(output.contains("OK: started as nobody with CAP_NET_RAW+CAP_NET_ADMIN"), output);
        assertTrue(output.contains("CapEff:\t0000000000003000"), "effective capabilities are exactly the two:\n" + output);
        assertTrue(output.contains("OK: without the capabilities: one line, exit 1"), output);
    }

    private static boolean onPath(String command) throws IOException, InterruptedException {
        return new ProcessBuilder("sh", "-c", "command -v " + command).start().waitFor() == 0;
    }
}
