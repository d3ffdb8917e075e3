package io.tlswatch.cli;

import io.tlswatch.analyzer.x509.trust.TrustStoreSnapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlswatch truststore refresh}: a new dated snapshot of the trusted roots from a PEM bundle. */
@Command(name = "truststore", mixinStandardHelpOptions = true, description = "Manage the trust store snapshot.",
        subcommands = TrustStoreCommand.Refresh.class)
final class TrustStoreCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: refresh");
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Writes mozilla-roots.pem and SOURCE.md (origin, date, SHA-256, roots, skipped entries) "
                    + "into the output folder from a PEM bundle or a folder of PEM files. Debian's "
                    + "/usr/share/ca-certificates/mozilla holds Mozilla's roots alone; /etc/ssl/certs/ca-certificates.crt "
                    + "also holds local additions, which would then be trusted. Use the result with --trust-store, "
                    + "or copy it over analyzer/src/main/resources/io/tlswatch/analyzer/x509/trust/ and rebuild."})
    static final class Refresh implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--from", required = true, paramLabel = "PEM", description = "The bundle (or folder) to take roots from.")
        private Path from;

        @Option(names = "--to", required = true, paramLabel = "DIR", description = "Where to write the snapshot.")
        private Path to;

        @Override
        public Integer call() throws IOException {
            if (!Files.exists(from)) {
                throw new IOException(from + ": no such file or directory");
            }
            Files.createDirectories(to);
            TrustStoreSnapshot snapshot = TrustStoreSnapshot.refresh(from, to);
            PrintWriter out = spec.commandLine().getOut();
            out.printf("tlswatch: wrote %s (%d roots, %d entries skipped, sha256 %s) and %s%n", snapshot.pemFile(),
                    snapshot.roots(), snapshot.skipped().size(), snapshot.sha256(), snapshot.sourceFile());
            out.flush();
            return 0;
        }
    }
}
