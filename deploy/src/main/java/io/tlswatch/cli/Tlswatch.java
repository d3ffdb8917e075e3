package io.tlswatch.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlswatch} command: one subcommand per job. A bad command line is a one-line error
 * and exit status 2; a failure while running is a one-line error and exit status 1 (set
 * {@code TLSWATCH_DEBUG=1} for the stack trace).
 */
@Command(name = "tlswatch", mixinStandardHelpOptions = true, versionProvider = Tlswatch.Version.class,
        description = "Passive TLS interception monitor.",
        subcommands = {ReplayCommand.class, SynthCommand.class, TrustStoreCommand.class, IndexCommand.class, CommandLine.HelpCommand.class})
public final class Tlswatch implements Runnable {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit status (the tests call this). */
    static int run(String[] args, PrintWriter err) {
        CommandLine cli = new CommandLine(new Tlswatch());
        cli.setErr(err);
        cli.setParameterExceptionHandler((ex, ignored) -> {
            err.println("tlswatch: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("tlswatch: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (System.getenv("TLSWATCH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "a command is required: replay, synth or truststore");
    }

    /** The version from the jar's manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Tlswatch.class.getPackage().getImplementationVersion();
            return new String[] {"tlswatch " + (v != null ? v : "development")};
        }
    }
}
