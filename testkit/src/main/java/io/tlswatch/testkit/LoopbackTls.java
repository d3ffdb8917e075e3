package io.tlswatch.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real TLS handshakes recorded by the tests themselves: openssl s_client talking to s_server on
 * 127.0.0.1, captured with tcpdump, through {@code deploy/samples/record-loopback-tls.sh}. Needs
 * openssl, tcpdump and the right to capture on lo (CI runs as root); without them the test is
 * skipped with the reason.
 */
public final class LoopbackTls {
    private static final String SCRIPT = "deploy/samples/record-loopback-tls.sh";

    /** What was recorded: the capture, and where each server name's certificate is. */
    public record Recording(Path pcap, Path dir) {
        /** The DER of the self-signed certificate that the server for {@code serverName} sent. */
        public byte[] certificateDer(String serverName) {
            return Pem.certificateDer(dir.resolve(serverName + ".crt.pem"));
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
        List<String> arguments = new ArrayList<>(List.of(dir.toString()));
        arguments.addAll(List.of(handshakes));
        RecordingScript.run(SCRIPT, Duration.ofSeconds(60), "openssl, tcpdump and capture rights on lo", arguments);
        return new Recording(dir.resolve("capture.pcap"), dir);
    }
}
