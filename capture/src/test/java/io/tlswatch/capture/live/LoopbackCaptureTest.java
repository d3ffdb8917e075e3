package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Capturing on the loopback interface for real (as root, or with CAP_NET_RAW and CAP_NET_ADMIN;
 * skipped with the reason otherwise): datagrams sent to 127.0.0.1 come out with their bytes and a
 * current nanosecond timestamp, the filter keeps only its port, the counters add up, a missing
 * device and a bad filter are named, and a stop from another thread ends the read.
 */
class LoopbackCaptureTest {
    private static final int TIMEOUT_MILLIS = 5_000;

    private static LiveCapture openLoopback(String filter) throws CaptureOpenException {
        CaptureSettings settings = CaptureSettings.defaults().withBufferBytes(4 << 20).withFilter(filter);
        try {
            return LiveCapture.open(List.of("lo"), settings);
        } catch (CaptureOpenException e) {
            assumeTrue(e.reason() != CaptureOpenException.Reason.PERMISSION_DENIED,
                    "no right to capture on lo (run as root or with CAP_NET_RAW+CAP_NET_ADMIN): " + e.detail());
            throw e;
        } catch (UnsatisfiedLinkError e) {
            assumeTrue(false, "libpcap is not installed: " + e.getMessage());
            throw e;
        }
    }

    private static int freePort() throws Exception {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Reads until {@code wanted} UDP payloads came or the time is up; returns the payloads as text. */
    private static List<String> udpPayloads(LiveCapture capture, int wanted, long timeoutMillis) {
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket decoded = new DecodedPacket();
        PacketRecord r = new PacketRecord();
        List<String> payloads = new ArrayList<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (payloads.size() < wanted && System.nanoTime() < deadline) {
            if (capture.read(r) == LiveCapture.PACKET && decoder.decode(r, decoded) == DecodeOutcome.UDP) {
                long now = System.currentTimeMillis() * 1_000_000L;
                assertTrue(Math.abs(now - r.timestampNanos()) < 10_000_000_000L, "timestamp is wall-clock time");
                payloads.add(new String(r.data(), decoded.payloadOffset, decoded.payloadLength, StandardCharsets.US_ASCII));
            }
        }
        return payloads;
    }

    private static void send(int port, String... messages) throws Exception {
        try (DatagramSocket s = new DatagramSocket()) {
            for (String m : messages) {
                byte[] b = m.getBytes(StandardCharsets.US_ASCII);
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            }
        }
    }

    @Test
    void filterKeepsOnlyItsPortAndCountersAddUp() throws Exception {
        int kept = freePort();
        int other = freePort();
        try (LiveCapture capture = openLoopback("udp port " + kept)) {
            assertTrue(capture.nanosecondTimestamps(0), "Linux gives nanosecond timestamps");
            send(other, "other-1");
            send(kept, "kept-1", "kept-2");
            send(other, "other-2");
            send(kept, "kept-3");
            assertEquals(List.of("kept-1", "kept-2", "kept-3"), udpPayloads(capture, 3, TIMEOUT_MILLIS));
            // Nothing else arrives: the two datagrams to the other port never passed the filter.
            assertEquals(List.of(), udpPayloads(capture, 1, 300));
            InterfaceStats stats = capture.stats(System.currentTimeMillis() * 1_000_000L).get(0);
            assertEquals("lo", stats.interfaceName());
            assertEquals(3, stats.delivered());
            assertTrue(stats.received() >= 3, "kernel counted " + stats.received());
            assertEquals(0, stats.kernelDropped());
            assertEquals(0, stats.droppedByUs());
            capture.countDroppedByUs(0);
            InterfaceStats next = capture.stats(System.currentTimeMillis() * 1_000_000L).get(0);
            assertEquals(1, next.droppedByUs());
            assertEquals(1, next.deltaDroppedByUs());
            assertEquals(0, next.deltaDelivered());
        }
    }

    @Test
    void stopFromAnotherThreadEndsTheReadOnAQuietLink() throws Exception {
        try (LiveCapture capture = openLoopback("udp port " + freePort())) {
            Thread stopper = new Thread(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                capture.stop();
            });
            long start = System.nanoTime();
            stopper.start();
            PacketRecord r = new PacketRecord();
            int idle = 0;
            int rc;
            while ((rc = capture.read(r)) == LiveCapture.IDLE) {
                idle++;
            }
            assertEquals(LiveCapture.STOPPED, rc);
            assertTrue(idle >= 1, "a quiet link gives idle turns");
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "stopped within two seconds");
            stopper.join();
            assertEquals(null, capture.error(), "a requested stop is not an error");
        }
    }

    @Test
    void missingDeviceAndBadFilterAreNamed() throws Exception {
        openLoopback(null).close(); // skips without the right to capture
        CaptureOpenException missing = assertThrows(CaptureOpenException.class,
                () -> LiveCapture.open(List.of("lo", "tlswatch-nosuch9"), CaptureSettings.defaults()));
        assertEquals(CaptureOpenException.Reason.NO_SUCH_DEVICE, missing.reason());
        assertEquals("tlswatch-nosuch9", missing.interfaceName());
        CaptureOpenException filter = assertThrows(CaptureOpenException.class,
                () -> LiveCapture.open(List.of("lo"), CaptureSettings.defaults().withFilter("tcp prot 443")));
        assertEquals(CaptureOpenException.Reason.BAD_FILTER, filter.reason());
        assertTrue(filter.detail().contains("syntax error"), filter.detail());
    }
}
