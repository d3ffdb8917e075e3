package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.SessionVerdict;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.JsonTree;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The report data as the page reads it: the same counts as the prevalence, the cuts said. */
class ReportJsonTest {

    private static Object at(Map<String, Object> json, String path) {
        return JsonTree.at(json, path);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String path) {
        return (List<Map<String, Object>>) JsonTree.at(json, path);
    }

    @Test
    void interceptorsPastTheShownOnesAreCountedAndEveryPartIsThere() {
        Prevalence prevalence = new Prevalence();
        ReportCollector collector = new ReportCollector();
        int forgers = ReportJson.INTERCEPTORS_SHOWN + 3;
        for (int i = 0; i < forgers; i++) {
            Interceptor who = new Interceptor(InterceptorClass.UNKNOWN, "CN=Forger " + i, null);
            SessionFacts s = Sessions.session(Sessions.T0.plusSeconds(i), Sessions.ipv4(192, 0, 2, i), "site" + i + ".example",
                    Verdict.INTERCEPTED, who, SessionFacts.Transport.OTHER);
            for (int n = 0; n <= forgers - i; n++) {
                prevalence.add(s.clientIp(), s.serverName(), s.timeNanos(), new SessionVerdict(Verdict.INTERCEPTED, who, List.of(), null));
            }
            collector.accept(s);
        }
        Map<String, Object> json = JsonTree.parse(ReportJson.of(new ReportJson.About("t", "lab", List.of("a.pcap")),
                prevalence, collector).getBytes(StandardCharsets.UTF_8));
        assertEquals((long) ReportJson.SCHEMA, at(json, "schema"));
        List<Map<String, Object>> rows = list(json, "prevalence.rows");
        assertEquals(1 + 4 + ReportJson.INTERCEPTORS_SHOWN, rows.size());
        assertEquals(3L, at(json, "prevalence.interceptors_not_shown"));
        assertEquals((long) (2 + 3 + 4), at(json, "prevalence.interceptor_sessions_not_shown"), "the three smallest");
        assertEquals(prevalence.all().sessions(), rows.get(0).get("sessions"));
        List<Map<String, Object>> buckets = list(json, "time_series.buckets");
        assertEquals(forgers, buckets.size(), "one-second buckets, one session each");
        assertEquals(1L, at(buckets.get(0), "sessions.intercepted"));
        assertEquals(3, list(json, "visibility").size());
        assertEquals(1, list(json, "subnets.rows").size(), "every client is in 192.0.2.0/24");
        assertEquals(ReportJson.SERVER_NAMES_SHOWN, list(json, "server_names.rows").size());
        assertEquals((long) (forgers - ReportJson.SERVER_NAMES_SHOWN), at(json, "server_names.keys_not_shown"));
        assertEquals(forgers, list(json, "samples.sessions").size());
        assertEquals("CN=Forger " + (forgers - 1), at(list(json, "samples.sessions").get(0), "interceptor.name"),
                "newest first");
    }
}
