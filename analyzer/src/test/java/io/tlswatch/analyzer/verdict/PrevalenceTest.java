package io.tlswatch.analyzer.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Prevalence}: how many sessions, clients and sites each verdict and each interceptor account for. */
class PrevalenceTest {
    private static final Interceptor QAZNET = new Interceptor(InterceptorClass.GOVERNMENT,
            "Kazakhstan Qaznet Trust Network root", "kz-qaznet-trust-network-2019");
    private static final Interceptor CORPORATE = new Interceptor(InterceptorClass.UNKNOWN,
            "CN=Example Corp TLS Inspection CA,O=Example Corp,C=US", null);
    private static final SessionVerdict BY_QAZNET = new SessionVerdict(Verdict.INTERCEPTED, QAZNET, List.of(), null);
    private static final SessionVerdict BY_CORPORATE = new SessionVerdict(Verdict.SUSPECTED, CORPORATE, List.of(), null);
    private static final SessionVerdict CLEAN = new SessionVerdict(Verdict.CLEAN, null, List.of(), null);
    private static final SessionVerdict HIDDEN = new SessionVerdict(Verdict.NOT_OBSERVABLE, null, List.of(), null);
    private static final long SECOND = 1_000_000_000L;

    @Test
    void countsSessionsDistinctClientsAndServerNamesPerVerdict() {
        Prevalence p = new Prevalence();
        p.add("10.0.0.1", "www.example.com", 1 * SECOND, BY_QAZNET);
        p.add("10.0.0.1", "mail.example.com", 2 * SECOND, BY_QAZNET);
        p.add("10.0.0.2", "www.example.com", 3 * SECOND, BY_QAZNET);
        p.add("10.0.0.3", "www.example.com", 4 * SECOND, CLEAN);
        p.add("10.0.0.3", null, 5 * SECOND, HIDDEN);

        Prevalence.Tally intercepted = p.of(Verdict.INTERCEPTED);
        assertEquals(3, intercepted.sessions());
        assertEquals(2, intercepted.clients());
        assertEquals(2, intercepted.serverNames());
        assertEquals(1 * SECOND, intercepted.firstNanos());
        assertEquals(3 * SECOND, intercepted.lastNanos());
        assertEquals(1, p.of(Verdict.NOT_OBSERVABLE).sessions());
        assertEquals(0, p.of(Verdict.NOT_OBSERVABLE).serverNames(), "a session without SNI names no site");
        assertEquals(0, p.of(Verdict.SUSPECTED).sessions());
        assertEquals(5, p.all().sessions());
        assertEquals(3, p.all().clients());
        assertEquals(2, p.all().serverNames());
        assertEquals(List.of("mail.example.com", "www.example.com"), p.all().someServerNames(10));
        assertEquals(List.of("mail.example.com"), p.all().someServerNames(1));
    }

    @Test
    void interceptorsAreTalliedApartMostSessionsFirst() {
        Prevalence p = new Prevalence();
        p.add("10.0.0.1", "www.example.com", SECOND, BY_CORPORATE);
        p.add("10.0.0.2", "www.example.com", SECOND, BY_QAZNET);
        p.add("10.0.0.3", "www.example.org", SECOND, BY_QAZNET);
        p.add("10.0.0.4", "www.example.net", SECOND, CLEAN);

        List<Map.Entry<Interceptor, Prevalence.Tally>> interceptors = p.interceptors();

        assertEquals(List.of(QAZNET, CORPORATE), interceptors.stream().map(Map.Entry::getKey).toList());
        assertEquals(2, interceptors.get(0).getValue().sessions());
        assertEquals(2, interceptors.get(0).getValue().clients());
        assertEquals(List.of("www.example.com", "www.example.org"), interceptors.get(0).getValue().someServerNames(5));
        assertEquals(1, interceptors.get(1).getValue().sessions());
    }

    @Test
    void distinctCountsStopAtTheirBoundAndSaySo() {
        Prevalence p = new Prevalence(3);
        for (int i = 1; i <= 3; i++) {
            p.add("10.0.0." + i, "www.example.com", i * SECOND, BY_QAZNET);
        }
        p.add("10.0.0.1", "www.example.com", 4 * SECOND, BY_QAZNET);

        assertEquals(3, p.of(Verdict.INTERCEPTED).clients());
        assertFalse(p.of(Verdict.INTERCEPTED).saturated(), "three distinct values fit a bound of three; a repeat is no new one");

        p.add("10.0.0.4", "www.example.com", 5 * SECOND, BY_QAZNET);
        p.add("10.0.0.9", "www.example.com", 6 * SECOND, CLEAN);

        Prevalence.Tally intercepted = p.of(Verdict.INTERCEPTED);
        assertTrue(intercepted.saturated());
        assertEquals(3, intercepted.clients(), "a lower bound from now on");
        assertEquals(5, intercepted.sessions(), "sessions are counted exactly whatever the bound");
        assertTrue(p.all().saturated(), "the total saw five clients");
        assertFalse(p.of(Verdict.CLEAN).saturated());
        assertTrue(p.interceptors().get(0).getValue().saturated());
    }
}
