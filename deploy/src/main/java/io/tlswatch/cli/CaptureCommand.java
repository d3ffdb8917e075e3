package io.tlswatch.cli;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.privacy.ClientPrivacy;
import io.tlswatch.analyzer.replay.Replay;
import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.capture.live.CaptureOpenException;
import io.tlswatch.capture.live.CaptureSettings;
import io.tlswatch.capture.live.InterfaceInfo;
import io.tlswatch.capture.live.InterfaceStats;
import io.tlswatch.capture.live.LiveCapture;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tlswatch capture}: live interfaces in, the same documents as a replay out, plus capture stats. */
@Command(name = "capture", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        description = {"Captures live on one or more interfaces (libpcap) and writes one JSON document per line, as "
                + "replay does: a session per TLS handshake with its verdict, a certificate per distinct certificate, "
                + "and every --stats-interval a stats document per interface (packets, kernel, interface and "
                + "tlswatch drops). Runs until SIGTERM or SIGINT, then finishes every open flow, flushes and exits 0. "
                + "Needs root, or CAP_NET_RAW and CAP_NET_ADMIN (see deploy/systemd)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:stopped by a signal, every finding written",
                        "1:an interface could not be opened or failed, or the output failed",
                        "2:bad command line or filter"})
public final class CaptureCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = {"-i", "--interface"}, paramLabel = "IFACE",
            description = "Capture on this interface (repeatable: every interface is read by one thread).")
    private List<String> interfaces = new ArrayList<>();

    @Option(names = "--list", description = "List the interfaces libpcap can capture on, and exit.")
    private boolean list;

    @Option(names = {"-f", "--filter"}, paramLabel = "BPF",
            description = "Capture only what this filter passes (pcap-filter(7)), e.g. 'tcp or udp port 443'.")
    private String filter;

    @Option(names = {"-s", "--snaplen"}, paramLabel = "BYTES", defaultValue = "262144",
            description = "Bytes kept of each packet (handshakes need whole packets).")
    private int snapLength;

    @Option(names = "--promisc", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Promiscuous mode (a tap or SPAN port needs it; --no-promisc to capture only this host's traffic).")
    private boolean promiscuous;

    @Option(names = {"-B", "--buffer-size"}, paramLabel = "MiB", defaultValue = "64",
            description = "Kernel capture buffer per interface (a small one drops packets on bursts).")
    private int bufferMiB;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Append the documents here instead of standard output; %%Y, %%m and %%d in the name "
                    + "(UTC date) start a new file each day, e.g. findings-%%Y-%%m-%%d.jsonl.")
    private String output;

    @Option(names = "--stats-interval", paramLabel = "SECONDS", defaultValue = "60",
            description = "Every this many seconds: a stats line on stderr and a stats document per interface.")
    private int statsIntervalSeconds;

    @Option(names = "--when-full", paramLabel = "WHAT", defaultValue = "wait",
            description = "When a worker falls behind: wait (the kernel buffer absorbs the burst; what it cannot hold "
                    + "is counted as kernel drops) or drop (the packet at once, counted as dropped by tlswatch).")
    private WhenFull whenFull;

    /** What the reader does with a packet whose worker is full. */
    enum WhenFull { wait, drop }

    @Option(names = {"-q", "--quiet"}, description = "No stats lines and no summary on stderr (errors are still printed).")
    private boolean quiet;

    @Mixin
    private AnalyzerOptions analyzerOptions;

    @Mixin
    private VerdictOptions verdicts;

    @Mixin
    private OutputOptions outputs;

    @Mixin
    private PrivacyOptions privacy;

    @Mixin
    private ConfigOption config;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (list) {
            return listInterfaces();
        }
        if (interfaces.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "an interface is required: -i IFACE (see 'tlswatch capture --list')");
        }
        CaptureSettings settings = settings();
        var config = analyzerOptions.config();
        if (statsIntervalSeconds < 1) {
            throw new ParameterException(spec.commandLine(), "--stats-interval must be at least 1 second");
        }
        LiveCapture capture;
        try {
            capture = LiveCapture.open(interfaces, settings);
        } catch (CaptureOpenException e) {
            err.println("tlswatch: " + OpenAdvice.of(e, settings.filter()));
            return e.reason() == CaptureOpenException.Reason.BAD_FILTER ? Tlswatch.EXIT_USAGE : Tlswatch.EXIT_FAILURE;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            err.println("tlswatch: " + OpenAdvice.libpcapMissing(e));
            return Tlswatch.EXIT_FAILURE;
        }
        GracefulStop stop = new GracefulStop(capture::stop);
        stop.install();
        int status = Tlswatch.EXIT_FAILURE;
        try (capture) {
            status = run(capture, config, err);
            return status;
        } finally {
            stop.finished(status);
        }
    }

    private int run(LiveCapture capture, io.tlswatch.analyzer.AnalyzerConfig config, PrintWriter err) throws IOException {
        VerdictEngine judge = verdicts.build();
        ClientPrivacy clients = privacy.build();
        long started = System.nanoTime();
        Analyzer analyzer;
        // No flush hook of the outputs' own here: on SIGTERM GracefulStop ends the read, and this
        // method finishes every flow and closes the sink (Kafka's too) before the JVM halts.
        try (SharedSink sink = new SharedSink(outputs.open(this::openOutput, config.sensor()))) {
            analyzer = new Analyzer(config, judge, sink, clients);
            CaptureLoop loop = new CaptureLoop(capture, analyzer, sink, config.sensor(),
                    statsIntervalSeconds * 1_000_000_000L, err, !quiet, CaptureCommand::wallClockNanos, whenFull == WhenFull.drop);
            if (!quiet) {
                err.println(opened(capture));
            }
            try {
                loop.run();
            } finally {
                analyzer.finish();
                loop.writeStats(wallClockNanos(), true);
                sink.flush();
            }
        }
        String failure = capture.error();
        if (failure != null) {
            err.println("tlswatch: capture failed: " + failure);
        }
        if (!quiet) {
            List<InterfaceStats> last = capture.stats(wallClockNanos());
            long packets = last.stream().mapToLong(InterfaceStats::delivered).sum();
            long bytes = last.stream().mapToLong(InterfaceStats::deliveredBytes).sum();
            String heading = "tlswatch capture: " + capture.name() + (failure == null ? ", stopped" : ", failed");
            new Summary(heading, new Replay.Result(last.size(), packets, 0, bytes, List.of()), analyzer.stats(),
                    analyzer.prevalence(), System.nanoTime() - started).withCpuTimes(analyzer.cpuTimes()).print(err);
            outputs.summary().forEach(err::println);
            err.flush();
        }
        return failure == null ? 0 : Tlswatch.EXIT_FAILURE;
    }

    private CaptureSettings settings() {
        try {
            return CaptureSettings.defaults().withSnapLength(snapLength).withPromiscuous(promiscuous)
                    .withBufferBytes((int) Math.min((long) bufferMiB << 20, Integer.MAX_VALUE)).withFilter(filter);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static String opened(LiveCapture capture) {
        List<String> each = new ArrayList<>();
        List<String> names = capture.interfaceNames();
        for (int i = 0; i < names.size(); i++) {
            each.add(String.format(Locale.ROOT, "%s (link type %d, %s timestamps)", names.get(i), capture.linkType(i),
                    capture.nanosecondTimestamps(i) ? "nanosecond" : "microsecond"));
        }
        return "tlswatch capture: reading " + String.join(", ", each);
    }

    private int listInterfaces() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            for (InterfaceInfo i : InterfaceInfo.list()) {
                out.printf(Locale.ROOT, "%-16s %s%s%s%s%n", i.name(), i.up() ? "up" : "down",
                        i.loopback() ? ", loopback" : "",
                        i.addresses().isEmpty() ? "" : "  " + String.join(" ", i.addresses()),
                        i.description().isEmpty() ? "" : "  (" + i.description() + ")");
            }
            out.flush();
            return 0;
        } catch (CaptureOpenException e) {
            spec.commandLine().getErr().println("tlswatch: cannot list interfaces: " + e.detail());
            return Tlswatch.EXIT_FAILURE;
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            spec.commandLine().getErr().println("tlswatch: " + OpenAdvice.libpcapMissing(e));
            return Tlswatch.EXIT_FAILURE;
        }
    }

    private OutputStream openOutput() throws IOException {
        return output == null ? System.out : new DailyFileOutput(output, Clock.systemUTC());
    }

    private static long wallClockNanos() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
