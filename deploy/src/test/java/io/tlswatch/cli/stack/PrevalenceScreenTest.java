package io.tlswatch.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.verdict.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo's last screen: the replay summary's verdicts line, the interceptors, then the addresses. */
class PrevalenceScreenTest {
    private static String print(StackPrevalence p, Map<String, String> addresses) {
        StringWriter out = new StringWriter();
        PrevalenceScreen.print(new PrintWriter(out), p, addresses);
        return out.toString();
    }

    private static Map<Verdict, Long> sessions(long intercepted, long suspected, long clean, long notObservable) {
        return Map.of(Verdict.INTERCEPTED, intercepted, Verdict.SUSPECTED, suspected, Verdict.CLEAN, clean,
                Verdict.NOT_OBSERVABLE, notObservable);
    }

    @Test
    void verdictsReadAsInTheReplaySummaryWithShares() {
        String screen = print(new StackPrevalence("demo", 71, sessions(27, 0, 1137, 80), List.of(
                new StackPrevalence.Interceptor("kz-qaznet-trust-network-2019", "government",
                        "Kazakhstan Qaznet Trust Network root and its \"Security Certificate\" intermediate (2019)", 8))),
                Map.of());

        assertTrue(screen.contains("  verdicts      intercepted 27 (2.2%), suspected 0 (0.0%), clean 1,137 (91.4%), "
                + "not_observable 80 (6.4%) of 1,244 sessions\n"), screen);
        assertTrue(screen.contains("  interceptors  government \"Kazakhstan Qaznet Trust Network root and its \"Security "
                + "Certificate\" intermediate (2019)\" [kz-qaznet-trust-network-2019]: 8 sessions\n"), screen);
        assertTrue(screen.contains("sensor demo (71 rollup documents)"), screen);
    }

    @Test
    void noSessionsIsZeroPercentNotADivisionByZero() {
        String screen = print(new StackPrevalence("demo", 0, sessions(0, 0, 0, 0), List.of()), Map.of());
        assertTrue(screen.contains("intercepted 0 (0.0%)"), screen);
        assertTrue(screen.contains("  interceptors  none\n"), screen);
    }

    @Test
    void manyInterceptorsAreCutToOneScreenAndTheRestCounted() {
        List<StackPrevalence.Interceptor> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(new StackPrevalence.Interceptor("id-" + i, "corporate", "proxy " + i, 20 - i));
        }
        String screen = print(new StackPrevalence("demo", 5, sessions(155, 0, 0, 0), many), Map.of());
        assertEquals(8, screen.lines().filter(l -> l.contains("\"proxy ")).count(), screen);
        assertTrue(screen.contains("... and 3 more"), screen);
    }

    @Test
    void addressesFollowAndAMissingDashboardIsSaid() {
        Map<String, String> addresses = new LinkedHashMap<>();
        addresses.put(StackContext.KAFKA, "127.0.0.1:9092");
        addresses.put(StackContext.ELASTICSEARCH, "http://127.0.0.1:9200");
        String screen = print(new StackPrevalence("demo", 0, sessions(0, 0, 1, 0), List.of()), addresses);

        assertTrue(screen.contains("  kafka         127.0.0.1:9092\n  elasticsearch http://127.0.0.1:9200\n"), screen);
        assertTrue(screen.contains("  dashboard     not in this build yet"), screen);

        addresses.put(StackContext.DASHBOARD, "http://127.0.0.1:8080/");
        screen = print(new StackPrevalence("demo", 0, sessions(0, 0, 1, 0), List.of()), addresses);
        assertTrue(screen.contains("  dashboard     http://127.0.0.1:8080/\n"), screen);
    }
}
