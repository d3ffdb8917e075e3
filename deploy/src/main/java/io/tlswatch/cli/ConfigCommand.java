package io.tlswatch.cli;

import io.tlswatch.cli.config.ConfigCheck;
import io.tlswatch.cli.config.ConfigException;
import io.tlswatch.cli.config.ConfigExample;
import io.tlswatch.cli.config.ConfigFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tlswatch config check FILE} and {@code tlswatch config example}. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "The configuration file: every option's default, overridable by environment and flags.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Example.class})
final class ConfigCommand implements Runnable {
    @Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: check or example");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Checks FILE: every key an option of some command, every value of the option's type.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:the file is good", "1:the file has problems (one line each on stderr)"})
    static final class Check implements Callable<Integer> {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "FILE")
        private Path file;

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            ConfigFile config;
            try {
                config = ConfigFile.read(file);
            } catch (ConfigException e) {
                err.println("tlswatch: " + e.getMessage());
                return Tlswatch.EXIT_FAILURE;
            }
            List<String> problems = new ConfigCheck(Tlswatch::commandLine).problems(config);
            problems.forEach(p -> err.println("tlswatch: " + p));
            if (!problems.isEmpty()) {
                return Tlswatch.EXIT_FAILURE;
            }
            spec.commandLine().getOut().println(file + ": " + config.settings().size() + " settings, all valid");
            return 0;
        }
    }

    @Command(name = "example", mixinStandardHelpOptions = true,
            description = "Prints a configuration file with every option, its description and its default.")
    static final class Example implements Runnable {
        @Spec
        private CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            spec.commandLine().getOut().print(ConfigExample.render(Tlswatch.commandLine()));
            spec.commandLine().getOut().flush();
        }
    }
}
