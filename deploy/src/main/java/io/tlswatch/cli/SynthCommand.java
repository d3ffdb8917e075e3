package io.tlswatch.cli;

import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SynthStats;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.analyzer.x509.synth.SyntheticPki;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code tlswatch synth}: writes a deterministic synthetic capture of TLS flows, with real
 * handshakes and certificates, for tests and benchmarks of any size.
 */
@Command(name = "synth", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes a synthetic capture: TCP flows with real TLS 1.2 and 1.3 handshakes (certificates made "
                + "with Bouncy Castle for many sites, a share of them forged by interception CAs named as the "
                + "catalogue's entries) and application data, many flows interleaved as on a link. The same options "
                + "and seed give the same bytes. Replay it with --extra-roots DIR/" + SyntheticPki.PUBLIC_ROOTS_FILE
                + " (see --write-roots) so that the sites' own chains are trusted."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the capture was written", "1:it could not be written", "2:bad command line"})
public final class SynthCommand implements Callable<Integer> {
    private static final int OUTPUT_BUFFER_BYTES = 1 << 20;

    @Spec
    private CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "The capture to write.")
    private Path output;

    @Option(names = "--flows", paramLabel = "N", defaultValue = "1000", description = "TCP flows, one handshake each (default: ${DEFAULT-VALUE}).")
    private long flows;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Where all randomness starts (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--mix", paramLabel = "MIX", defaultValue = "realistic",
            description = "realistic: about 300 data packets per handshake, 30%% TLS 1.3; handshake-heavy: every flow "
                    + "a TLS 1.2 handshake with a chain and 1,000 bytes of data (default: ${DEFAULT-VALUE}).")
    private String mix;

    @Option(names = "--tls13-share", paramLabel = "SHARE",
            description = "Share of flows the server takes to TLS 1.3, 0 to 1 (default: the mix's).")
    private Double tls13Share;

    @Option(names = "--forged-share", paramLabel = "SHARE",
            description = "Share of flows an interceptor forges the certificate of, 0 to 1 (default: "
                    + SynthSettings.DEFAULT_FORGED_SHARE + ").")
    private Double forgedShare;

    @Option(names = "--data-bytes", paramLabel = "N",
            description = "Application-data bytes per flow, both directions, TLS records included (default: the mix's; "
                    + "realistic draws each flow's between half and one and a half times it).")
    private Long dataBytes;

    @Option(names = "--sites", paramLabel = "N",
            description = "Distinct sites: server names, addresses and certificates (default: "
                    + SynthSettings.DEFAULT_SITES + ").")
    private Integer sites;

    @Option(names = "--concurrent-flows", paramLabel = "N",
            description = "Flows in progress at once, their steps interleaved (default: "
                    + SynthSettings.DEFAULT_CONCURRENT_FLOWS + ", at most " + SynthSettings.MAX_CONCURRENT_FLOWS + ").")
    private Integer concurrentFlows;

    @Option(names = "--handshakes-first",
            description = "Write each flow's handshake in one go as it starts; only data and closes interleave. With "
                    + "--concurrent-flows as large as --flows, every connection is open and past its handshake "
                    + "before the first one closes (to measure what many open flows cost).")
    private boolean handshakesFirst;

    @Option(names = "--pcapng", description = "Write pcapng instead of pcap.")
    private boolean pcapng;

    @Option(names = "--write-roots", paramLabel = "DIR", description = "Also write the public roots ("
            + SyntheticPki.PUBLIC_ROOTS_FILE + ", for replay's --extra-roots) and the interception CAs' roots ("
            + SyntheticPki.INTERCEPTOR_ROOTS_FILE + ") into this folder.")
    private Path rootsDir;

    @Mixin
    private ConfigOption config;

    @Option(names = "--progress", paramLabel = "WHEN", defaultValue = "auto",
            description = "Progress line on stderr: auto (when stderr is a terminal), always, never.")
    private ProgressLine.Mode progress;

    @Option(names = {"-q", "--quiet"}, description = "No summary on stderr (errors are still printed).")
    private boolean quiet;

    @Override
    public Integer call() throws IOException {
        SynthSettings settings = settings();
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + output + ": no such directory " + parent);
        }
        PrintWriter err = spec.commandLine().getErr();
        long started = System.nanoTime();
        SyntheticCapture capture = new SyntheticCapture(settings);
        List<Path> roots = rootsDir == null ? List.of() : capture.pki().writeRoots(rootsDir);
        long writing = System.nanoTime();
        ProgressLine line = new ProgressLine(err, progress.enabled());
        String name = output.getFileName().toString();
        SynthStats stats;
        CountingOutputStream file = new CountingOutputStream(Files.newOutputStream(output));
        try (OutputStream out = new BufferedOutputStream(file, OUTPUT_BUFFER_BYTES)) {
            stats = capture.writeTo((pcapng ? CaptureFormat.PCAPNG : CaptureFormat.PCAP).open(out),
                    (done, planned, packets) -> line.progress(name, done, planned, packets));
        } catch (IOException e) {
            removePartial(e);
            throw e;
        } finally {
            line.clear();
        }
        if (!quiet) {
            new SynthSummary(output, settings, stats, file.count, roots, writing - started, System.nanoTime() - writing)
                    .print(err);
        }
        return 0;
    }

    /** A partial capture is no capture: removed, unless the output is not a plain file (such as /dev/null). */
    private void removePartial(IOException failure) {
        try {
            if (Files.isRegularFile(output, LinkOption.NOFOLLOW_LINKS)) {
                Files.delete(output);
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    /** The settings the options describe; a bad value is a one-line usage error. */
    private SynthSettings settings() {
        Mix chosen;
        try {
            chosen = Mix.of(mix);
        } catch (IllegalArgumentException e) {
            throw usage("--mix must be one of " + Mix.names() + ", not '" + mix + "'");
        }
        require(flows >= 1, "--flows must be at least 1");
        require(tls13Share == null || tls13Share >= 0 && tls13Share <= 1, "--tls13-share must be 0 to 1");
        require(forgedShare == null || forgedShare >= 0 && forgedShare <= 1, "--forged-share must be 0 to 1");
        require(dataBytes == null || dataBytes >= SynthSettings.MIN_DATA_BYTES && dataBytes <= SynthSettings.MAX_DATA_BYTES,
                "--data-bytes must be " + SynthSettings.MIN_DATA_BYTES + " to " + SynthSettings.MAX_DATA_BYTES);
        require(sites == null || sites >= 1 && sites <= SyntheticPki.MAX_SITES,
                "--sites must be 1 to " + SyntheticPki.MAX_SITES);
        require(concurrentFlows == null || concurrentFlows >= 1 && concurrentFlows <= SynthSettings.MAX_CONCURRENT_FLOWS,
                "--concurrent-flows must be 1 to " + SynthSettings.MAX_CONCURRENT_FLOWS);
        SynthSettings s = SynthSettings.of(chosen, flows).withSeed(seed);
        s = tls13Share == null ? s : s.withTls13Share(tls13Share);
        s = forgedShare == null ? s : s.withForgedShare(forgedShare);
        s = dataBytes == null ? s : s.withDataBytes(dataBytes);
        s = concurrentFlows == null ? s : s.withConcurrentFlows(concurrentFlows);
        s = sites == null ? s : s.withSites(sites);
        return s.withHandshakesFirst(handshakesFirst);
    }

    private void require(boolean condition, String message) {
        if (!condition) {
            throw usage(message);
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** Counts the bytes written through it (a device such as /dev/null has no size to ask afterwards). */
    private static final class CountingOutputStream extends FilterOutputStream {
        long count;

        CountingOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
