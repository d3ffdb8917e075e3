package io.tlswatch.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE} on every command that has options. The file is read before the command
 * line is parsed (see {@link Tlswatch#run}), because it supplies the options' defaults; this option
 * is here so the command accepts and documents it.
 */
final class ConfigOption {
    static final String NAME = "--config";
    static final String ENVIRONMENT = "TLSWATCH_CONFIG";

    @Option(names = NAME, paramLabel = "FILE", description = "Take option defaults from FILE (also "
            + ENVIRONMENT + "); see 'tlswatch config example'. The command line still wins.")
    Path file;
}
