package io.tlswatch.bench;

import io.tlswatch.analyzer.flow.FlowKey;
import io.tlswatch.analyzer.flow.FlowTable;
import io.tlswatch.analyzer.flow.TcpFlow;
import io.tlswatch.capture.decode.DecodedPacket;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The flow table as a worker uses it per packet, {@code FlowKey.set} then {@code getOrCreate}, with
 * 2^20 (about a million) flows in it: a hit on a flow the table holds, visited in a scattered order
 * (an odd multiplier over the flow numbers, so each lookup lands on a cold cache line as on a busy
 * link), and a miss when the table is full: a new flow that evicts the least recently seen one
 * (twice as many distinct flows as the table holds, visited in a cycle, so every lookup misses).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FlowTableBenchmark {
    static final int FLOWS = 1 << 20;
    private static final int SCATTER = 0x9E3779B1;
    private static final long IDLE_TIMEOUT_NANOS = 300_000_000_000L;
    /** 10.0.0.0 as an IPv4-mapped address's low 64 bits; client addresses count up from it. */
    private static final long CLIENT_BASE = 0xffff_0a00_0000L;
    private static final long SERVER = 0xffff_c612_0001L;

    private final DecodedPacket packet = new DecodedPacket();
    private final FlowKey key = new FlowKey();
    private FlowTable<TcpFlow> hits;
    private FlowTable<TcpFlow> misses;
    private int hitCounter;
    private int missCounter;

    @Setup
    public void setUp() {
        packet.ipProtocol = DecodedPacket.PROTO_TCP;
        packet.dstAddrLo = SERVER;
        packet.dstPort = 443;
        hits = new FlowTable<>(FLOWS, IDLE_TIMEOUT_NANOS, TcpFlow::new, (flow, why) -> { });
        misses = new FlowTable<>(FLOWS, IDLE_TIMEOUT_NANOS, TcpFlow::new, (flow, why) -> { });
        for (int i = 0; i < FLOWS; i++) {
            hits.getOrCreate(key(i), 0);
        }
        for (int i = 0; i < 2 * FLOWS; i++) {
            missLookup();
        }
        if (hits.size() != FLOWS || misses.size() != FLOWS || hits.flowsCreated() != FLOWS) {
            throw new IllegalStateException("the tables do not hold " + FLOWS + " flows");
        }
    }

    @Benchmark
    public TcpFlow hitAtOneMillionFlows() {
        return hits.getOrCreate(key(hitCounter++ * SCATTER & FLOWS - 1), 0);
    }

    @Benchmark
    public TcpFlow missEvictingAtOneMillionFlows() {
        return missLookup();
    }

    private TcpFlow missLookup() {
        return misses.getOrCreate(key(missCounter++ * SCATTER & 2 * FLOWS - 1), 0);
    }

    /** Flow {@code n}: client 10.x.y.z (n / 16) port 49152 + n % 16, to 198.18.0.1:443. */
    private FlowKey key(int n) {
        packet.srcAddrLo = CLIENT_BASE + (n >>> 4);
        packet.srcPort = 49152 + (n & 15);
        return key.set(packet);
    }
}
