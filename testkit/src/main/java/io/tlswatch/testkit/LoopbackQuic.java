package io.tlswatch.testkit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Real QUIC handshakes recorded by the tests themselves: ngtcp2's HTTP/3 client and server on
 * 127.0.0.1, captured with tcpdump, through {@code deploy/samples/record-quic.sh}. Needs Debian's
 * ngtcp2-client and ngtcp2-server, openssl, tcpdump and the right to capture on lo; without them
 * the test is skipped with the reason.
 */
public final class LoopbackQuic {
    private static final String SCRIPT = "deploy/samples/record-quic.sh";

    private LoopbackQuic() {
    }

    /** Records one QUIC connection per server name, in order; returns the capture. */
    public static Path record(Path dir, String... serverNames) {
        List<String> arguments = new ArrayList<>(List.of(dir.toString()));
        arguments.addAll(List.of(serverNames));
        RecordingScript.run(SCRIPT, Duration.ofSeconds(60), "ngtcp2-client, ngtcp2-server, openssl, tcpdump and "
                + "capture rights on lo", arguments);
        return dir.resolve("capture.pcap");
    }
}
