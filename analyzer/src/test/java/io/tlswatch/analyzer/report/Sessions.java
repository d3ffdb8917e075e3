package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.report.SessionFacts.Transport;
import io.tlswatch.analyzer.session.FlowEndpoints;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.time.Instant;
import java.util.List;

/** Judged sessions as the report sees them, written by the tests (RFC 5737 and RFC 3849 addresses). */
final class Sessions {
    static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
    static final Interceptor QAZNET = new Interceptor(InterceptorClass.GOVERNMENT, "Qaznet Trust Network",
            "kz-qaznet-trust-network-2019");

    private Sessions() {
    }

    /** The IPv4 client {@code a.b.c.host} (IPv4-mapped, as the decoder gives it). */
    static FlowEndpoints ipv4(int a, int b, int c, int host) {
        long lo = 0xffff_0000_0000L | (long) a << 24 | (long) b << 16 | (long) c << 8 | host;
        return new FlowEndpoints(0, lo, 50000, 0, 0xffff_c633_6407L, 443, 6, 0, 0);
    }

    /** An IPv6 client in 2001:db8:{@code net}::/64 with interface id {@code host}. */
    static FlowEndpoints ipv6(int net, long host) {
        return new FlowEndpoints(0x2001_0db8_0000_0000L | net, host, 50000, 0x2001_0db8_ffff_0000L, 1, 443, 6, 0, 0);
    }

    static SessionFacts at(Instant time, FlowEndpoints client, String serverName, Verdict verdict) {
        return session(time, client, serverName, verdict, verdict == Verdict.INTERCEPTED ? QAZNET : null, Transport.OTHER);
    }

    static SessionFacts session(Instant time, FlowEndpoints client, String serverName, Verdict verdict,
                                Interceptor interceptor, Transport transport) {
        long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
        return new SessionFacts(nanos, client, serverName, verdict, interceptor,
                interceptor != null ? List.of("known-interceptor") : List.of(), transport,
                "CN=" + serverName, "CN=Security Certificate,C=KZ", "ab".repeat(32), "t13d1516h2_8daaf6152771_02713d6af862");
    }
}
