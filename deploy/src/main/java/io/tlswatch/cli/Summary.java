package io.tlswatch.cli;

import io.tlswatch.analyzer.AnalyzerStats;
import io.tlswatch.analyzer.pipeline.StageCpuTimes;
import io.tlswatch.analyzer.pipeline.SessionCounters;
import io.tlswatch.analyzer.flow.ReassemblyCounters;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.session.TlsSession;
import io.tlswatch.analyzer.quic.QuicOutcome;
import io.tlswatch.analyzer.tls.TlsAnomaly;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.Verdict;
import io.tlswatch.capture.decode.DecodeCounters;
import io.tlswatch.capture.decode.DecodeOutcome;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The end-of-run summary on stderr: what was read, what was found, what went wrong, how fast. */
final class Summary {
    /** Server names listed per interceptor. */
    private static final int NAMES_SHOWN = 5;

    private final Replay.Result result;
    private final AnalyzerStats stats;
    private final Prevalence prevalence;
    private final long elapsedNanos;
    /** The first line, or null for a replay's (files read, unreadable, with errors). */
    private final String heading;
    private StageCpuTimes cpu;

    Summary(Replay.Result result, AnalyzerStats stats, Prevalence prevalence, long elapsedNanos) {
        this(null, result, stats, prevalence, elapsedNanos);
    }

    /** Adds the CPU time of each pipeline stage to the summary. */
    Summary withCpuTimes(StageCpuTimes times) {
        this.cpu = times;
        return this;
    }

    /** A summary whose first line is {@code heading} (a live capture's: its interfaces and how it ended). */
    Summary(String heading, Replay.Result result, AnalyzerStats stats, Prevalence prevalence, long elapsedNanos) {
        this.heading = heading;
        this.result = result;
        this.stats = stats;
        this.prevalence = prevalence;
        this.elapsedNanos = elapsedNanos;
    }

    void print(PrintWriter out) {
        DecodeCounters d = stats.decode();
        SessionCounters s = stats.sessions();
        ReassemblyCounters r = stats.reassembly();
        double seconds = Math.max(elapsedNanos / 1e9, 1e-9);
        long unreadable = result.errors().stream().filter(Replay.InputError::nothingRead).count();
        if (heading != null) {
            out.println(heading);
        } else {
            out.printf(Locale.ROOT, "tlswatch replay: %d %s read, %d unreadable, %d with errors%n", result.sources(),
                    result.sources() == 1 ? "file" : "files", unreadable, result.errors().size() - unreadable);
        }
        out.printf(Locale.ROOT, "  packets       %,d (%s); tcp %,d, udp %,d%n", result.packets(),
                bytes(result.capturedBytes()), d.get(DecodeOutcome.TCP), d.get(DecodeOutcome.UDP));
        line(out, "not decoded", decodeFailures(d));
        out.printf(Locale.ROOT, "  tcp flows     %,d: tls %,d, not tls %,d, no payload %,d (picked up mid-stream %,d, "
                        + "idle-expired %,d, evicted %,d)%n", stats.tcpFlows(), stats.tlsFlows(), stats.notTlsFlows(),
                stats.emptyFlows(), stats.midstreamPickups(), stats.flowsExpired(), stats.flowsEvicted());
        out.printf(Locale.ROOT, "  udp flows     %,d: quic %,d (client hellos read %,d), not quic %,d%n", stats.udpFlows(),
                stats.quicFlows(), stats.quicHellos(), stats.notQuicFlows());
        line(out, "quic", quic(stats));
        out.printf(Locale.ROOT, "  tls sessions  %,d (established %,d, server chain seen %,d); client hellos %,d, "
                        + "server hellos %,d%n", s.sessions(), s.established(), s.serverChainsSeen(),
                s.clientHellos(), s.serverHellos());
        line(out, "session ends", sessionEnds(s));
        out.printf(Locale.ROOT, "  certificates  %,d distinct (unparseable %,d)%n", s.certificates(),
                stats.certificateParseErrors());
        List<String> reassembly = reassembly(r, stats.bufferPoolExhausted());
        add(reassembly, "no parser free", stats.parsersExhausted());
        line(out, "reassembly", reassembly);
        line(out, "tls anomalies", anomalies(stats));
        out.printf(Locale.ROOT, "  chains        %,d validated, %,d from the cache%n", stats.chainCacheMisses(),
                stats.chainCacheHits());
        out.printf(Locale.ROOT, "  time          %.2f s, %,.0f packets/s, %.1f MB/s, %d %s (the reader waited for them %,d times)%s%n",
                seconds, result.packets() / seconds, result.capturedBytes() / seconds / 1e6, stats.workers(),
                stats.workers() == 1 ? "worker" : "workers", stats.ringFullWaits(),
                stats.internalErrors() > 0 ? String.format(Locale.ROOT, "; internal errors %,d", stats.internalErrors()) : "");
        if (cpu != null && cpu.workers() >= 0 && cpu.sink() >= 0) {
            out.printf(Locale.ROOT, "  cpu           %sworkers %.2f s, sink %.2f s%n",
                    cpu.reader() >= 0 ? String.format(Locale.ROOT, "reader %.2f s, ", cpu.reader() / 1e9) : "",
                    cpu.workers() / 1e9, cpu.sink() / 1e9);
        }
        printPrevalence(out);
        out.flush();
    }

    /** The end of the summary: how much of what was seen was intercepted, and by whom. */
    private void printPrevalence(PrintWriter out) {
        Prevalence.Tally all = prevalence.all();
        out.printf(Locale.ROOT, "  verdicts      %s of %,d sessions%n", shares(all.sessions(), Prevalence.Tally::sessions),
                all.sessions());
        out.printf(Locale.ROOT, "  clients       %s of %,d distinct clients%n",
                shares(all.clients(), t -> (long) t.clients()), all.clients());
        out.printf(Locale.ROOT, "  server names  %s of %,d distinct names%n",
                shares(all.serverNames(), t -> (long) t.serverNames()), all.serverNames());
        List<Map.Entry<Interceptor, Prevalence.Tally>> interceptors = prevalence.interceptors();
        if (interceptors.isEmpty()) {
            line(out, "interceptors", List.of());
        }
        String label = "interceptors";
        for (Map.Entry<Interceptor, Prevalence.Tally> e : interceptors) {
            Interceptor who = e.getKey();
            Prevalence.Tally t = e.getValue();
            out.printf(Locale.ROOT, "  %-13s %s \"%s\"%s: %,d sessions, %,d clients, %,d server names%s%n", label,
                    who.interceptorClass().jsonName(), who.name(), who.id() != null ? " [" + who.id() + "]" : "",
                    t.sessions(), t.clients(), t.serverNames(), names(t));
            label = "";
        }
    }

    private String shares(long total, java.util.function.ToLongFunction<Prevalence.Tally> measure) {
        List<String> items = new ArrayList<>();
        for (Verdict v : Verdict.values()) {
            long n = measure.applyAsLong(prevalence.of(v));
            items.add(String.format(Locale.ROOT, "%s %,d (%.1f%%)", v.jsonName(), n, total == 0 ? 0.0 : 100.0 * n / total));
        }
        return String.join(", ", items);
    }

    private static String names(Prevalence.Tally t) {
        List<String> some = t.someServerNames(NAMES_SHOWN);
        if (some.isEmpty()) {
            return "";
        }
        return " (" + String.join(", ", some) + (t.serverNames() > some.size() ? ", ..." : "") + ")";
    }

    private static void line(PrintWriter out, String label, List<String> items) {
        out.printf(Locale.ROOT, "  %-13s %s%n", label, items.isEmpty() ? "none" : String.join(", ", items));
    }

    private static List<String> decodeFailures(DecodeCounters d) {
        List<String> items = new ArrayList<>();
        for (DecodeOutcome outcome : DecodeOutcome.values()) {
            if (!outcome.isDecoded() && d.get(outcome) > 0) {
                items.add(String.format(Locale.ROOT, "%s %,d", outcome.name().toLowerCase(Locale.ROOT), d.get(outcome)));
            }
        }
        return items;
    }

    private static List<String> sessionEnds(SessionCounters s) {
        List<String> items = new ArrayList<>();
        for (TlsSession.End end : TlsSession.End.values()) {
            if (s.endedBy(end) > 0) {
                items.add(String.format(Locale.ROOT, "%s %,d", end.jsonName(), s.endedBy(end)));
            }
        }
        return items;
    }

    private static List<String> reassembly(ReassemblyCounters r, long poolExhausted) {
        List<String> items = new ArrayList<>();
        add(items, "out of order", r.outOfOrderSegments);
        add(items, "before window (retransmitted or skipped)", r.segmentsBeforeWindow);
        add(items, "overlap conflicts", r.overlapConflicts);
        add(items, "past window", r.segmentsPastWindow);
        add(items, "too many holes", r.segmentsTooManyHoles);
        add(items, "gaps", r.gaps);
        add(items, "window overflows", r.windowOverflows);
        add(items, "no memory", r.noMemory + poolExhausted);
        return items;
    }

    private static List<String> quic(AnalyzerStats stats) {
        List<String> items = new ArrayList<>();
        for (QuicOutcome outcome : QuicOutcome.values()) {
            add(items, outcome.name().toLowerCase(Locale.ROOT), stats.quic().get(outcome));
        }
        return items;
    }

    private static List<String> anomalies(AnalyzerStats stats) {
        List<String> items = new ArrayList<>();
        for (TlsAnomaly anomaly : TlsAnomaly.values()) {
            add(items, anomaly.name().toLowerCase(Locale.ROOT), stats.tlsAnomalies().get(anomaly));
        }
        return items;
    }

    private static void add(List<String> items, String name, long count) {
        if (count > 0) {
            items.add(String.format(Locale.ROOT, "%s %,d", name, count));
        }
    }

    private static String bytes(long n) {
        if (n < 10_000) {
            return n + " bytes";
        }
        return n < 10_000_000 ? String.format(Locale.ROOT, "%.1f kB", n / 1e3) : String.format(Locale.ROOT, "%.1f MB", n / 1e6);
    }
}
