package io.tlswatch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tlswatch} command: one subcommand per job. */
@Command(name = "tlswatch", mixinStandardHelpOptions = true, version = "tlswatch 0.1.0",
        description = "Passive TLS interception monitor.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Tlswatch implements Runnable {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Tlswatch()).execute(args));
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.err);
    }
}
