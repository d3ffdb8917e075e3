package io.tlswatch.bench;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.testkit.Hex;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The packet decoder, twice per packet (the reader for the flow hash, the worker for the payload):
 * a plain Ethernet/IPv4/TCP segment with timestamps, the most common packet there is, and two
 * deeper ones, PPPoE over QinQ and TCP inside GTP-U over UDP.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PacketDecoderBenchmark {
    /** deploy/samples/handshakes.pcap frame 3: the client's ACK of the SYN-ACK on loopback. */
    private static final String ETHERNET_TCP = """
            00 00 00 00 00 00 00 00 00 00 00 00 08 00 45 00 00 34 c1 45 40 00 40 06 7b 7c 7f 00 00 01 7f 00
            00 01 b8 70 71 fd 91 3c b7 75 2f bf 5d 62 80 10 00 40 fe 28 00 00 01 01 08 0a 0c a1 70 b4 07 5f
            7d 17
            """;
    /** zeek/pppoe-over-qinq.pcap frame 3 (as capture's SteadyStateAllocationTest). */
    private static final String PPPOE_QINQ = """
            00 00 00 00 00 01 00 00 00 00 00 00 81 00 0e 78 81 00 09 aa 88 64 11 00 0f 07 00 2a 00 21
            45 00 00 28 00 00 40 00 3f 06 35 cb 01 01 01 01 02 02 02 02
            4f aa 01 bb d7 a8 41 56 fc 90 a2 ff 50 10 10 00 8f da 00 00
            """;
    /** zeek/tunnels__gtp__gtp6_gtp_0x32.pcap frame 4. */
    private static final String GTP = """
            00 00 0c 07 ac e8 88 e0 f3 c8 bf f0 08 00 45 68 00 58 d8 f9 00 00 3c 11 19 c0 4f bc 9a 5b f3 95
            ad c6 08 68 08 68 00 44 88 be 30 ff 00 34 76 0d 3b b0 45 00 00 34 a1 43 40 00 40 06 91 1a 0a de
            0a 0a ad c2 45 bc af a0 14 6c 44 26 2b a2 3d 04 5c 1e 80 10 7d 78 c4 50 00 00 01 01 08 0a 00 0c
            8c d1 c5 1c 0d 9c
            """;

    private final StandardPacketDecoder decoder = new StandardPacketDecoder();
    private final DecodedPacket decoded = new DecodedPacket();
    private final PacketRecord ethernetTcp = new PacketRecord();
    private final PacketRecord pppoeQinq = new PacketRecord();
    private final PacketRecord gtp = new PacketRecord();

    @Setup
    public void setUp() {
        for (PacketRecord p : new PacketRecord[] {set(ethernetTcp, ETHERNET_TCP), set(pppoeQinq, PPPOE_QINQ), set(gtp, GTP)}) {
            if (decoder.decode(p, decoded) != DecodeOutcome.TCP) {
                throw new IllegalStateException("a benchmark frame does not decode to TCP");
            }
        }
    }

    @Benchmark
    public DecodeOutcome ethernetIpv4Tcp() {
        return decoder.decode(ethernetTcp, decoded);
    }

    @Benchmark
    public DecodeOutcome pppoeOverQinq() {
        return decoder.decode(pppoeQinq, decoded);
    }

    @Benchmark
    public DecodeOutcome tcpInGtpTunnel() {
        return decoder.decode(gtp, decoded);
    }

    private static PacketRecord set(PacketRecord record, String hex) {
        byte[] frame = Hex.bytes(hex);
        record.set(frame, 0, frame.length, frame.length, 0, LinkType.ETHERNET, 0);
        return record;
    }
}
