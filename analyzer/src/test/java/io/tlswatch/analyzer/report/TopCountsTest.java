package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopCountsTest {

    @Test
    void mostInterceptedFirstThenSuspectedAndCleanKeysLeftOut() {
        TopCounts names = new TopCounts();
        names.add("bank.example", Verdict.INTERCEPTED);
        names.add("bank.example", Verdict.CLEAN);
        names.add("mail.example", Verdict.INTERCEPTED);
        names.add("mail.example", Verdict.INTERCEPTED);
        names.add("shop.example", Verdict.SUSPECTED);
        names.add("news.example", Verdict.CLEAN);
        TopCounts.Top top = names.top(10);
        assertEquals(List.of("mail.example", "bank.example", "shop.example"), top.rows().stream().map(TopCounts.Row::key).toList());
        assertEquals(2, top.rows().get(1).sessions().total());
        assertEquals(0, top.keysNotShown());
        assertEquals(4, names.keys());
    }

    @Test
    void theCutSaysHowManyKeysAndAffectedSessionsItLeftOut() {
        TopCounts names = new TopCounts();
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j <= i; j++) {
                names.add("site" + i + ".example", Verdict.INTERCEPTED);
            }
        }
        TopCounts.Top top = names.top(2);
        assertEquals(List.of("site4.example", "site3.example"), top.rows().stream().map(TopCounts.Row::key).toList());
        assertEquals(3, top.keysNotShown());
        assertEquals(1 + 2 + 3, top.affectedSessionsNotShown());
    }

    @Test
    void keysPastTheBoundAreCountedNotKept() {
        TopCounts names = new TopCounts(2);
        names.add("a.example", Verdict.INTERCEPTED);
        names.add("b.example", Verdict.INTERCEPTED);
        names.add("c.example", Verdict.INTERCEPTED);
        names.add("a.example", Verdict.INTERCEPTED);
        names.add(null, Verdict.INTERCEPTED);
        assertEquals(2, names.keys());
        assertEquals(1, names.untrackedSessions());
        assertEquals(1, names.top(5).untrackedSessions());
        assertEquals(2, names.top(5).rows().get(0).sessions().of(Verdict.INTERCEPTED));
    }
}
