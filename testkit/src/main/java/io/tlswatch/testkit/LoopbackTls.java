package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Real TLS handshakes recorded by the tests themselves: openssl s_client talking to s_server on
 * 127.0.0.1, captured with tcpdump, through {@code deploy/samples/record-loopback-tls.sh}. Needs
 * openssl, tcpdump and the right to capture on lo (CI runs as root); without them the test is
 * skipped with the reason.
 */
public final class LoopbackTls {
    private static final String SCRIPT = "deploy/samples/record-loopback-tls.sh";
    private static final int EXIT_TOOLS_MISSING = 3;

    /** What was recorded: the capture, and where each server name's certificate is. */
    public record Recording(Path pcap, Path dir) {
        /** The DER of the self-signed certificate that the server for {@code serverName} sent. */
        public byte[] certificateDer(String serverName) {
            try {
                String pem = Files.readString(dir.resolve(serverName + ".crt.pem"), StandardCharsets.US_ASCII);
                String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                return Base64.getDecoder().decode(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private LoopbackTls() {
    }

    /**
     * Records one connection per handshake, in order.
     *
     * @param handshakes each {@code VERSION/SERVER_NAME[/ALPN]}, VERSION one of tls1, tls1_1, tls1_2, tls1_3
     */
    public static Recording record(Path dir, String... handshakes) {
        Path script = SharedCorpus.repoRoot().resolve(SCRIPT);
        List<String> command = new ArrayList<>(List.of("bash", script.toString(), dir.toString()));
        command.addAll(List.of(handshakes));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(SCRIPT + " did not finish within 60 s");
            }
            assumeTrue(process.exitValue() != EXIT_TOOLS_MISSING,
                    "cannot record on lo (needs openssl, tcpdump and capture rights): " + output.strip());
            if (process.exitValue() != 0) {
                throw new IllegalStateException(SCRIPT + " failed (" + process.exitValue() + "): " + output);
            }
            return new Recording(dir.resolve("capture.pcap"), dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
