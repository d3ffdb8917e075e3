package io.tlswatch.analyzer.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.decode.DecodedPacket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FlowTableTest {
    private static final long SECOND = 1_000_000_000L;

    static final class TestFlow extends FlowEntry {
        int packets;

        @Override
        protected void clearState() {
            packets = 0;
        }
    }

    private final List<String> removed = new ArrayList<>();
    private final FlowKey key = new FlowKey();

    private FlowTable<TestFlow> table(int maxFlows) {
        return new FlowTable<>(maxFlows, 60 * SECOND, TestFlow::new,
                (flow, why) -> removed.add(flow.aPort() + "-" + flow.bPort() + ":" + why));
    }

    private static DecodedPacket tcp(int srcIp, int srcPort, int dstIp, int dstPort) {
        DecodedPacket p = new DecodedPacket();
        p.ipVersion = 4;
        p.ipProtocol = DecodedPacket.PROTO_TCP;
        p.srcAddrLo = 0xffff_0000_0000L | (srcIp & 0xffffffffL);
        p.dstAddrLo = 0xffff_0000_0000L | (dstIp & 0xffffffffL);
        p.srcPort = srcPort;
        p.dstPort = dstPort;
        return p;
    }

    @Test
    void bothDirectionsOfAConnectionShareOneFlow() {
        FlowTable<TestFlow> t = table(16);
        TestFlow out = t.getOrCreate(key.set(tcp(0x0a000001, 50000, 0x5db8d822, 443)), 0);
        boolean outFromA = key.fromA();
        TestFlow back = t.getOrCreate(key.set(tcp(0x5db8d822, 443, 0x0a000001, 50000)), SECOND);
        assertSame(out, back);
        assertEquals(!outFromA, key.fromA(), "the reply goes the other way");
        assertEquals(1, t.size());
    }

    @Test
    void vlanAndProtocolAndPortsSeparateFlows() {
        FlowTable<TestFlow> t = table(16);
        DecodedPacket p = tcp(1, 1000, 2, 443);
        TestFlow plain = t.getOrCreate(key.set(p), 0);
        p.vlanId = 10;
        assertNotSame(plain, t.getOrCreate(key.set(p), 0));
        p.ipProtocol = DecodedPacket.PROTO_UDP;
        assertNotSame(plain, t.getOrCreate(key.set(p), 0));
        assertEquals(3, t.size());
    }

    @Test
    void idleFlowsExpireByPacketTime() {
        FlowTable<TestFlow> t = table(16);
        t.getOrCreate(key.set(tcp(1, 1000, 2, 443)), 0);
        t.getOrCreate(key.set(tcp(1, 1001, 2, 443)), 30 * SECOND);
        t.getOrCreate(key.set(tcp(1, 1002, 2, 443)), 61 * SECOND);
        assertEquals(List.of("1000-443:IDLE_TIMEOUT"), removed);
        assertEquals(2, t.size());
        assertEquals(1, t.expiredIdle());
    }

    @Test
    void fullTableEvictsTheLeastRecentlySeenFlow() {
        FlowTable<TestFlow> t = table(3);
        t.getOrCreate(key.set(tcp(1, 1000, 2, 443)), 0);
        t.getOrCreate(key.set(tcp(1, 1001, 2, 443)), 1);
        t.getOrCreate(key.set(tcp(1, 1002, 2, 443)), 2);
        t.getOrCreate(key.set(tcp(1, 1000, 2, 443)), 3);     // 1000 is recent again
        t.getOrCreate(key.set(tcp(1, 1003, 2, 443)), 4);
        assertEquals(List.of("1001-443:TABLE_FULL"), removed);
        assertEquals(3, t.size());
        assertEquals(1, t.evictedTableFull());
    }

    @Test
    void removeAllFinishesEveryFlowOldestFirst() {
        FlowTable<TestFlow> t = table(8);
        for (int port = 1000; port < 1004; port++) {
            t.getOrCreate(key.set(tcp(1, port, 2, 443)), port);
        }
        t.removeAll(FlowTable.Removal.END_OF_INPUT);
        assertEquals(List.of("1000-443:END_OF_INPUT", "1001-443:END_OF_INPUT", "1002-443:END_OF_INPUT",
                "1003-443:END_OF_INPUT"), removed);
        assertEquals(0, t.size());
    }

    @Test
    void randomInsertsAndRemovalsAgreeWithAMap() {
        FlowTable<TestFlow> t = new FlowTable<>(256, Long.MAX_VALUE, TestFlow::new, (f, why) -> { });
        Map<Integer, TestFlow> model = new HashMap<>();
        Random random = new Random(1);
        for (int step = 0; step < 20_000; step++) {
            int port = random.nextInt(300);
            TestFlow f = t.getOrCreate(key.set(tcp(7, port, 8, 443)), step);
            TestFlow expected = model.get(port);
            if (expected != null) {
                assertSame(expected, f, "step " + step);
            }
            f.packets++;
            model.put(port, f);
            if (random.nextInt(3) == 0) {
                t.remove(f, FlowTable.Removal.CLOSED);
                model.remove(port);
            }
            if (t.size() < model.size()) {
                // The table evicted its oldest flow: resynchronise the model with what is left.
                model.values().removeIf(flow -> flow.packets == 0);
            }
            assertTrue(t.size() <= 256);
        }
    }
}
