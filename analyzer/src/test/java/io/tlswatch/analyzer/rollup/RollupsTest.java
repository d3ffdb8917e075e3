package io.tlswatch.analyzer.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RollupsTest {
    private static final long MINUTE = 60_000_000_000L;
    private static final long T0 = 1_700_000_000L * 1_000_000_000L / MINUTE * MINUTE;
    private static final Interceptor KZ = new Interceptor(InterceptorClass.GOVERNMENT, "Qaznet Trust Network", "kz-qaznet");
    private static final SessionVerdict CLEAN = new SessionVerdict(Verdict.CLEAN, null, List.of(), null);
    private static final SessionVerdict FORGED = new SessionVerdict(Verdict.INTERCEPTED, KZ, List.of(), null);

    /** A client at 10.1.2.{host} (IPv4-mapped, as the decoder gives addresses). */
    private static FlowEndpoints client(int host) {
        return new FlowEndpoints(0, 0xFFFF_0A01_0200L | host, 50000, 0, 0xFFFF_C000_0201L, 443, 6, 0, 0);
    }

    private static String subnet(long hi, long lo, int v4, int v6) {
        return new ClientSubnet(v4, v6).of(hi, lo);
    }

    @Test
    void aClientAddressFallsInItsSubnetForEitherFamily() {
        assertEquals("10.1.2.0/24", subnet(0, 0xFFFF_0A01_02FEL, 24, 48));
        assertEquals("10.0.0.0/8", subnet(0, 0xFFFF_0A01_02FEL, 8, 48));
        assertEquals("10.1.2.254/32", subnet(0, 0xFFFF_0A01_02FEL, 32, 48));
        assertEquals("0.0.0.0/0", subnet(0, 0xFFFF_0A01_02FEL, 0, 48));
        // 2001:db8:1234:5678::1
        assertEquals("2001:db8:1234::/48", subnet(0x2001_0DB8_1234_5678L, 1, 24, 48));
        assertEquals("2001:db8:1234:5678::/64", subnet(0x2001_0DB8_1234_5678L, 1, 24, 64));
        assertEquals("2001:db8:1234:5678::1/128", subnet(0x2001_0DB8_1234_5678L, 1, 24, 128));
    }

    @Test
    void sessionsAreCountedExactlyPerMinuteSubnetVerdictAndInterceptor() {
        Rollups rollups = new Rollups("sensor-a", new ClientSubnet(24, 48), 0, 100_000);
        for (int i = 0; i < 5; i++) {
            rollups.count(client(i), T0 + i, CLEAN);
        }
        rollups.count(client(9), T0 + 10, FORGED);
        rollups.count(client(9), T0 + 20, FORGED);
        List<RollupDocument> docs = rollups.closeAll();
        assertEquals(2, docs.size());
        RollupDocument clean = docs.stream().filter(d -> d.bucket().verdict() == Verdict.CLEAN).findFirst().orElseThrow();
        RollupDocument forged = docs.stream().filter(d -> d.bucket().interceptor() != null).findFirst().orElseThrow();
        assertEquals(5, clean.sessions());
        assertEquals(2, forged.sessions());
        assertEquals("10.1.2.0/24", forged.bucket().clientSubnet());
        assertEquals(T0 / MINUTE, forged.bucket().epochMinute());
        assertNotEquals(clean.key(), forged.key());
    }

    @Test
    void aMinuteClosesOnceSessionsStartedPastItsEndAndTheLateness() {
        Rollups rollups = new Rollups("s", new ClientSubnet(24, 48), 30_000_000_000L, 100_000);
        assertEquals(List.of(), rollups.count(client(1), T0, CLEAN));
        assertEquals(List.of(), rollups.count(client(1), T0 + MINUTE + 20_000_000_000L, CLEAN), "within the lateness");
        List<RollupDocument> closed = rollups.count(client(1), T0 + MINUTE + 31_000_000_000L, CLEAN);
        assertEquals(1, closed.size());
        assertEquals(T0 / MINUTE, closed.get(0).bucket().epochMinute());
        assertEquals(1, closed.get(0).sessions());
    }

    @Test
    void aSessionLateForAClosedMinuteIsANewPartAndTheSumStaysExact() {
        Rollups rollups = new Rollups("s", new ClientSubnet(24, 48), 0, 100_000);
        List<RollupDocument> all = new ArrayList<>();
        all.addAll(rollups.count(client(1), T0, CLEAN));
        all.addAll(rollups.count(client(1), T0 + 3 * MINUTE, CLEAN));
        all.addAll(rollups.count(client(1), T0 + 5, CLEAN));
        all.addAll(rollups.closeAll());
        List<RollupDocument> first = all.stream().filter(d -> d.bucket().epochMinute() == T0 / MINUTE).toList();
        assertEquals(2, first.size());
        assertEquals(2, first.stream().mapToLong(RollupDocument::sessions).sum());
        assertNotEquals(first.get(0).key(), first.get(1).key());
        assertTrue(first.get(1).key().endsWith("-1"));
        assertEquals(1, rollups.lateParts());
    }

    @Test
    void theSameBucketGetsTheSameKeyInAReplay() {
        Rollups a = new Rollups("s", new ClientSubnet(24, 48), 0, 100);
        Rollups b = new Rollups("s", new ClientSubnet(24, 48), 0, 100);
        a.count(client(3), T0, FORGED);
        b.count(client(4), T0 + 7, FORGED);
        assertEquals(a.closeAll().get(0).key(), b.closeAll().get(0).key());
        Rollups other = new Rollups("other-sensor", new ClientSubnet(24, 48), 0, 100);
        other.count(client(3), T0, FORGED);
        Rollups again = new Rollups("s", new ClientSubnet(24, 48), 0, 100);
        again.count(client(3), T0, FORGED);
        assertNotEquals(other.closeAll().get(0).key(), again.closeAll().get(0).key(), "the sensor is in the key");
    }

    @Test
    void tooManyOpenBucketsCloseTheOldestMinuteEarlyWithoutLosingCounts() {
        Rollups rollups = new Rollups("s", new ClientSubnet(32, 128), Long.MAX_VALUE / 4, 3);
        List<RollupDocument> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.addAll(rollups.count(client(i), T0 + i * MINUTE, CLEAN));
        }
        assertTrue(rollups.earlyCloses() > 0);
        all.addAll(rollups.closeAll());
        assertEquals(10, all.stream().mapToLong(RollupDocument::sessions).sum());
    }

    @Test
    void selectionWritesWhatItSaysAndRollupsCountEverything() {
        assertTrue(SessionSelection.ALL.writes(Verdict.CLEAN));
        assertTrue(SessionSelection.SUSPICIOUS.writes(Verdict.INTERCEPTED));
        assertTrue(SessionSelection.SUSPICIOUS.writes(Verdict.SUSPECTED));
        assertTrue(!SessionSelection.SUSPICIOUS.writes(Verdict.CLEAN));
        assertTrue(!SessionSelection.SUSPICIOUS.writes(Verdict.NOT_OBSERVABLE));
        assertTrue(!SessionSelection.NONE.writes(Verdict.INTERCEPTED));
        assertEquals(SessionSelection.SUSPICIOUS, SessionSelection.parse("Suspicious"));
    }
}
