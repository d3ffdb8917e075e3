package io.tlswatch.analyzer.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.testkit.Tshark;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Wireshark's dissectors as an outside judge of a small synthetic capture: no malformed packet and
 * no expert warning or error (checksums checked), and the handshake messages it decodes are the
 * planned ones: a ClientHello and a ServerHello per flow, TLS 1.3 chosen as often as planned, and
 * Certificate, ServerKeyExchange and ClientKeyExchange in every TLS 1.2 flow. Skipped where tshark
 * is not installed (CI installs only tcpdump and openssl).
 */
class SyntheticCaptureTsharkTest {
    /** Wireshark's expert severity of a warning (epan/proto.h PI_WARN); errors are higher. */
    private static final String WARNING_OR_WORSE = "0x00600000";
    private static final SynthSettings SETTINGS = SynthSettings.of(Mix.REALISTIC, 60).withSeed(9).withDataBytes(40_000)
            .withSites(12).withForgedShare(0.2).withConcurrentFlows(16);

    @TempDir
    static Path dir;
    private static Path file;
    private static SynthStats stats;

    @BeforeAll
    static void write() throws IOException {
        Tshark.require();
        file = dir.resolve("synth.pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            stats = new SyntheticCapture(SETTINGS).writeTo(CaptureFormat.PCAP.open(out), SynthProgress.NONE);
        }
    }

    @Test
    void noPacketIsMalformedOrDrawsAWarning() {
        List<String> complaints = tshark("-Y", "_ws.malformed || _ws.expert.severity >= " + WARNING_OR_WORSE,
                "-T", "fields", "-e", "frame.number", "-e", "_ws.expert.message");
        assertEquals(List.of(), complaints);
    }

    @Test
    void theHandshakeMessagesAreThePlannedOnes() {
        long[] counts = new long[256];
        for (String line : tshark("-Y", "tls.handshake.type", "-T", "fields", "-e", "tls.handshake.type")) {
            for (String type : line.split(",")) {
                counts[Integer.parseInt(type.strip())]++;
            }
        }
        long tls12 = stats.flows() - stats.tls13Flows();
        assertEquals(List.of(stats.flows(), stats.flows(), tls12, tls12, tls12, tls12),
                List.of(counts[1], counts[2], counts[11], counts[12], counts[14], counts[16]),
                "ClientHello, ServerHello, Certificate, ServerKeyExchange, ServerHelloDone, ClientKeyExchange");
        List<String> tls13 = tshark("-Y", "tls.handshake.type == 2 && tls.handshake.extensions.supported_version == 0x0304",
                "-T", "fields", "-e", "frame.number");
        assertEquals(stats.tls13Flows(), tls13.size());
    }

    private static List<String> tshark(String... arguments) {
        return Tshark.lines(file, arguments);
    }
}
