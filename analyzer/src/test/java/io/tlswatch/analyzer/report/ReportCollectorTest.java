package io.tlswatch.analyzer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tlswatch.analyzer.report.SessionFacts.Transport;
import io.tlswatch.analyzer.verdict.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCollectorTest {

    @Test
    void subnetsAndServerNamesAreRankedByInterception() {
        ReportCollector report = new ReportCollector();
        report.accept(Sessions.at(Sessions.T0, Sessions.ipv4(192, 0, 2, 10), "bank.example", Verdict.INTERCEPTED));
        report.accept(Sessions.at(Sessions.T0, Sessions.ipv4(192, 0, 2, 11), "bank.example", Verdict.INTERCEPTED));
        report.accept(Sessions.at(Sessions.T0, Sessions.ipv6(7, 1), "mail.example", Verdict.SUSPECTED));
        report.accept(Sessions.at(Sessions.T0, Sessions.ipv4(198, 51, 100, 1), "news.example", Verdict.CLEAN));
        TopCounts.Top subnets = report.subnets().top(10);
        assertEquals(List.of("192.0.2.0/24", "2001:db8:0:7::/64"), subnets.rows().stream().map(TopCounts.Row::key).toList());
        assertEquals(2, subnets.rows().get(0).sessions().of(Verdict.INTERCEPTED));
        assertEquals(3, report.subnets().keys(), "the clean subnet is counted but not ranked");
        assertEquals(List.of("bank.example", "mail.example"),
                report.serverNames().top(10).rows().stream().map(TopCounts.Row::key).toList());
    }

    @Test
    void sessionsNotObservableAreCountedPerTransport() {
        ReportCollector report = new ReportCollector();
        report.accept(Sessions.session(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "a.example", Verdict.NOT_OBSERVABLE, null, Transport.TLS13));
        report.accept(Sessions.session(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "a.example", Verdict.NOT_OBSERVABLE, null, Transport.TLS13));
        report.accept(Sessions.session(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "a.example", Verdict.SUSPECTED, null, Transport.TLS13));
        report.accept(Sessions.session(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "q.example", Verdict.NOT_OBSERVABLE, null, Transport.QUIC));
        report.accept(Sessions.session(Sessions.T0, Sessions.ipv4(192, 0, 2, 1), "b.example", Verdict.CLEAN, null, Transport.OTHER));
        Visibility v = report.visibility();
        assertEquals(2, v.of(Transport.TLS13).of(Verdict.NOT_OBSERVABLE));
        assertEquals(3, v.of(Transport.TLS13).total());
        assertEquals(1, v.of(Transport.QUIC).of(Verdict.NOT_OBSERVABLE));
        assertEquals(0, v.of(Transport.OTHER).of(Verdict.NOT_OBSERVABLE));
    }

    @Test
    void theLatestAffectedSessionsAreKeptNewestFirstAndTheRestCounted() {
        ReportCollector report = new ReportCollector(new TimeSeries(), new TopCounts(), new TopCounts(), new SessionSamples(2));
        for (int i = 0; i < 4; i++) {
            report.accept(Sessions.at(Sessions.T0.plusSeconds(i), Sessions.ipv4(192, 0, 2, i), "s" + i + ".example",
                    Verdict.INTERCEPTED));
            report.accept(Sessions.at(Sessions.T0.plusSeconds(i), Sessions.ipv4(192, 0, 2, i), "c" + i + ".example",
                    Verdict.CLEAN));
        }
        assertEquals(List.of("s3.example", "s2.example"),
                report.samples().newestFirst().stream().map(SessionFacts::serverName).toList());
        assertEquals(2, report.samples().forgotten(), "clean sessions are not samples");
    }
}
