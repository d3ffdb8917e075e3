package io.tlswatch.bench;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.capture.live.LiveCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.Pcaps;
import org.pcap4j.packet.Packet;

/**
 * The live read path against pcap4j's own ways of reading packets, all through libpcap on the same
 * file of 100,000 Ethernet/IPv4/TCP frames of 1,514 bytes (libpcap reads a file and an interface
 * with the same per-packet code after the kernel): tlswatch's direct JNA mapping of {@code
 * pcap_next_ex} into one reused buffer, pcap4j's {@code getNextRawPacket} (a new byte array per
 * packet), and {@code getNextPacketEx} (a parsed object tree per packet). Scores are nanoseconds per
 * packet.
 */
@State(Scope.Benchmark)
@Fork(jvmArgsAppend = "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED")   // Agrona, as the jar's manifest says
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LiveReadPathBenchmark {
    private static final int PACKETS = 100_000;
    private static final int FRAME_BYTES = 1_514;

    private Path file;
    private final PacketRecord record = new PacketRecord();

    @Setup
    public void writeFile() throws IOException {
        file = Files.createTempFile("tlswatch-read-path", ".pcap");
        byte[] frame = new byte[FRAME_BYTES];
        frame[12] = 0x08;   // Ethernet type IPv4; the rest is zeros, which no path here looks into
        try (OutputStream out = Files.newOutputStream(file)) {
            PcapWriter writer = new PcapWriter(out, LinkType.ETHERNET);
            for (int i = 0; i < PACKETS; i++) {
                writer.write(1_700_000_000_000_000_000L + i * 1_000L, frame);
            }
        }
    }

    @TearDown
    public void deleteFile() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long tlswatchPcapNextExIntoReusedBuffer() throws Exception {
        long bytes = 0;
        try (LiveCapture capture = LiveCapture.openFiles(List.of(file))) {
            while (capture.read(record) == LiveCapture.PACKET) {
                bytes += record.capturedLength();
            }
        }
        return check(bytes);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long pcap4jRawPacketArrays() throws Exception {
        long bytes = 0;
        PcapHandle handle = Pcaps.openOffline(file.toString());
        try {
            byte[] raw;
            while ((raw = handle.getNextRawPacket()) != null) {
                bytes += raw.length;
            }
        } finally {
            handle.close();
        }
        return check(bytes);
    }

    @Benchmark
    @OperationsPerInvocation(PACKETS)
    public long pcap4jPacketObjects() throws Exception {
        long bytes = 0;
        PcapHandle handle = Pcaps.openOffline(file.toString());
        try {
            Packet packet;
            while ((packet = handle.getNextPacket()) != null) {
                bytes += packet.length();
            }
        } finally {
            handle.close();
        }
        return check(bytes);
    }

    private static long check(long bytes) {
        if (bytes != (long) PACKETS * FRAME_BYTES) {
            throw new IllegalStateException("read " + bytes + " bytes, not " + (long) PACKETS * FRAME_BYTES);
        }
        return bytes;
    }
}
