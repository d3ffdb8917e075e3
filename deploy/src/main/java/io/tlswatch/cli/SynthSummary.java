package io.tlswatch.cli;

import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SynthStats;
import io.tlswatch.analyzer.x509.synth.SyntheticInterceptor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The end-of-run summary of {@code tlswatch synth} on stderr: what the capture holds, and how fast it was written. */
final class SynthSummary {
    private final Path output;
    private final SynthSettings settings;
    private final SynthStats stats;
    private final long bytesWritten;
    private final List<Path> roots;
    private final long pkiNanos;
    private final long writingNanos;

    SynthSummary(Path output, SynthSettings settings, SynthStats stats, long bytesWritten, List<Path> roots,
                 long pkiNanos, long writingNanos) {
        this.output = output;
        this.settings = settings;
        this.stats = stats;
        this.bytesWritten = bytesWritten;
        this.roots = roots;
        this.pkiNanos = pkiNanos;
        this.writingNanos = writingNanos;
    }

    void print(PrintWriter err) {
        SynthStats s = stats;
        double writing = Math.max(writingNanos / 1e9, 1e-9);
        err.printf(Locale.ROOT, "tlswatch synth: wrote %s (%s mix, seed %d)%n", output, settings.mix(), settings.seed());
        err.printf(Locale.ROOT, "  flows         %,d: TLS 1.2 %,d, TLS 1.3 %,d; %,d sites%n", s.flows(),
                s.flows() - s.tls13Flows(), s.tls13Flows(), settings.sites());
        err.printf(Locale.ROOT, "  forged        %,d sessions (%,d visible in TLS 1.2)%s%n", s.forgedFlows(),
                s.forgedVisible(), byInterceptor());
        err.printf(Locale.ROOT, "  packets       %,d (%,.1f per flow), application data %,d bytes%n", s.packets(),
                (double) s.packets() / s.flows(), s.applicationBytes());
        err.printf(Locale.ROOT, "  written       %,d bytes, %.3f s of capture time%n", bytesWritten,
                (s.lastNanos() - s.firstNanos()) / 1e9);
        for (Path root : roots) {
            err.printf(Locale.ROOT, "  roots         %s%n", root);
        }
        err.printf(Locale.ROOT, "  time          %.2f s: certificates %.2f s, writing %.2f s at %.1f MB/s%n",
                (pkiNanos + writingNanos) / 1e9, pkiNanos / 1e9, writing, bytesWritten / writing / 1e6);
        err.flush();
    }

    /** ": kz-qaznet-trust-network-2019 12, fortinet-fortigate 9, ..." for the interceptors that forged any. */
    private String byInterceptor() {
        StringBuilder out = new StringBuilder();
        for (SyntheticInterceptor i : SyntheticInterceptor.values()) {
            long n = stats.forgedBy().getOrDefault(i, 0L);
            if (n > 0) {
                out.append(out.length() == 0 ? ": " : ", ").append(i.catalogueId()).append(String.format(Locale.ROOT, " %,d", n));
            }
        }
        return out.toString();
    }
}
