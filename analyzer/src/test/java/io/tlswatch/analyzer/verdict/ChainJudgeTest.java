package io.tlswatch.analyzer.verdict;

import static io.tlswatch.analyzer.verdict.VerdictPki.CORPORATE_ROOT;
import static io.tlswatch.analyzer.verdict.VerdictPki.PUBLIC_CA;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE;
import static io.tlswatch.analyzer.verdict.VerdictPki.SITE_LEAF;
import static io.tlswatch.analyzer.verdict.VerdictPki.forgedLeaf;
import static io.tlswatch.analyzer.verdict.VerdictPki.judge;
import static io.tlswatch.analyzer.verdict.VerdictPki.visit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.testpki.TestPki;
import org.junit.jupiter.api.Test;

/**
 * A worker's {@link ChainJudge} does the order-free part of judging (the chain's validation, the
 * fingerprints) before the session reaches the sink: the verdict must be the one the engine
 * reaches on its own, and the engine's cache counters must count the workers' lookups.
 */
class ChainJudgeTest {

    @Test
    void preparedSessionsGetTheVerdictsTheEngineReachesAlone() {
        VerdictEngine withWorker = judge().sanctionedCas(TestPki.storeOf(CORPORATE_ROOT)).build();
        VerdictEngine alone = judge().sanctionedCas(TestPki.storeOf(CORPORATE_ROOT)).build();
        ChainJudge worker = withWorker.newChainJudge();
        for (int i = 0; i < 3; i++) {
            // the same visits in the same order to both engines: clean, sanctioned, clean again
            TlsSession prepared = i == 1 ? visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT)
                    : visit(SITE, SITE_LEAF, PUBLIC_CA);
            TlsSession unprepared = i == 1 ? visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT)
                    : visit(SITE, SITE_LEAF, PUBLIC_CA);
            worker.prepare(prepared);
            assertTrue(prepared.isChainJudged());
            assertNotNull(prepared.trustVerdict());

            SessionVerdict expected = alone.judge(unprepared);
            SessionVerdict actual = withWorker.judge(prepared);

            assertEquals(expected.verdict(), actual.verdict());
            assertEquals(expected.interceptor(), actual.interceptor());
            assertEquals(expected.evidence(), actual.evidence());
        }
        assertEquals(Verdict.INTERCEPTED, withWorker.judge(prepare(worker,
                visit(SITE, forgedLeaf(CORPORATE_ROOT, SITE), CORPORATE_ROOT))).verdict());
    }

    private static TlsSession prepare(ChainJudge judge, TlsSession session) {
        judge.prepare(session);
        return session;
    }

    @Test
    void theSinkDoesNotJudgeAPreparedChainAgain() {
        VerdictEngine engine = judge().build();
        ChainJudge worker = engine.newChainJudge();
        TlsSession session = visit(SITE, SITE_LEAF, PUBLIC_CA);
        worker.prepare(session);
        var verdict = session.trustVerdict();

        engine.judge(session);

        assertSame(verdict, session.trustVerdict());
        assertEquals(1, engine.chainCacheMisses(), "validated once, by the worker");
        assertEquals(0, engine.chainCacheHits());
    }

    @Test
    void cacheCountersAddUpOverTheWorkersJudges() {
        VerdictEngine engine = judge().build();
        ChainJudge first = engine.newChainJudge();
        ChainJudge second = engine.newChainJudge();

        first.prepare(visit(SITE, SITE_LEAF, PUBLIC_CA));
        first.prepare(visit(SITE, SITE_LEAF, PUBLIC_CA));
        second.prepare(visit(SITE, SITE_LEAF, PUBLIC_CA));

        assertEquals(2, engine.chainCacheMisses(), "each worker validates the chain once, in its own cache");
        assertEquals(1, engine.chainCacheHits());
    }

    @Test
    void sessionWithoutAChainIsPreparedWithoutAVerdict() {
        VerdictEngine engine = judge().build();
        TlsSession session = visit(SITE);

        engine.newChainJudge().prepare(session);

        assertTrue(session.isChainJudged());
        assertNull(session.trustVerdict());
        assertFalse(session.fingerprints() == null);
        assertEquals(Verdict.NOT_OBSERVABLE, engine.judge(session).verdict());
        assertEquals(0, engine.chainCacheMisses());
    }
}
