package io.tlswatch.cli;

import io.tlswatch.cli.config.ConfigDefaults;
import io.tlswatch.cli.config.ConfigException;
import io.tlswatch.cli.config.ConfigFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tlswatch} command: one subcommand per job. A bad command line is a one-line error
 * and exit status 2; a failure while running is a one-line error and exit status 1 (set
 * {@code TLSWATCH_DEBUG=1} for the stack trace).
 */
@Command(name = "tlswatch", mixinStandardHelpOptions = true, versionProvider = Tlswatch.Version.class,
        description = "Passive TLS interception monitor.",
        subcommands = {ReplayCommand.class, CaptureCommand.class, SynthCommand.class, IndexCommand.class, DashboardCommand.class,
                DemoCommand.class, UpCommand.class, TrustStoreCommand.class, ConfigCommand.class, CommandLine.HelpCommand.class})
public final class Tlswatch implements Runnable {
    static final int EXIT_FAILURE = 1;
    static final int EXIT_USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.err, true)));
    }

    /** Runs the command line and returns the exit status (the tests call this). */
    static int run(String[] args, PrintWriter err) {
        return run(args, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter)} with the environment given (the tests set it). */
    static int run(String[] args, PrintWriter err, Map<String, String> environment) {
        CommandLine cli = commandLine();
        cli.setErr(err);
        try {
            cli.setDefaultValueProvider(new ConfigDefaults(configFile(args, environment), environment));
        } catch (ConfigException e) {
            err.println("tlswatch: " + e.getMessage());
            return EXIT_USAGE;
        }
        cli.setParameterExceptionHandler((ex, ignored) -> {
            err.println("tlswatch: " + ex.getMessage() + " (see '" + ex.getCommandLine().getCommandName()
                    + " --help')");
            return EXIT_USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            err.println("tlswatch: " + (ex.getMessage() != null ? ex.getMessage() : ex.toString()));
            if (environment.get("TLSWATCH_DEBUG") != null) {
                ex.printStackTrace(err);
            }
            return EXIT_FAILURE;
        });
        return cli.execute(args);
    }

    /** A new command line for the whole command tree, nothing parsed yet. */
    static CommandLine commandLine() {
        return new CommandLine(new Tlswatch());
    }

    /**
     * The configuration file named by {@code --config FILE} (or {@code --config=FILE}) anywhere on
     * the command line, else by TLSWATCH_CONFIG, else none. Read before parsing: it gives defaults.
     */
    private static ConfigFile configFile(String[] args, Map<String, String> environment) throws ConfigException {
        String path = environment.get(ConfigOption.ENVIRONMENT);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(ConfigOption.NAME) && i + 1 < args.length) {
                path = args[i + 1];
            } else if (args[i].startsWith(ConfigOption.NAME + "=")) {
                path = args[i].substring(ConfigOption.NAME.length() + 1);
            }
        }
        return path == null || path.isEmpty() ? null : ConfigFile.read(Path.of(path));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this),
                "a command is required: replay, capture, synth, index, dashboard, demo, up, truststore or config");
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
