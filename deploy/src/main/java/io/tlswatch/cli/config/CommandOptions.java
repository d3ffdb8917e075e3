package io.tlswatch.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options a configuration file may set: every long option of every command under the root,
 * except the ones that only make sense on a command line (help, version, the configuration file
 * itself). Commands are known by their own name ({@code replay}, {@code capture}, {@code refresh}).
 */
final class CommandOptions {
    private static final Set<String> NOT_CONFIGURABLE = Set.of("help", "version", "config", "list");

    private final Map<String, CommandSpec> commands = new LinkedHashMap<>();

    CommandOptions(CommandLine root) {
        collect(root);
    }

    private void collect(CommandLine cli) {
        for (CommandLine sub : cli.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.helpCommand() || commands.containsKey(spec.name())) {
                continue;
            }
            if (!configurable(spec).isEmpty()) {
                commands.put(spec.name(), spec);
            }
            collect(sub);
        }
    }

    /** Commands with at least one configurable option, by name, in the order they are declared. */
    Map<String, CommandSpec> commands() {
        return commands;
    }

    /** The configurable options of {@code command}, in declaration order. */
    static List<OptionSpec> configurable(CommandSpec command) {
        List<OptionSpec> options = new ArrayList<>();
        for (OptionSpec option : command.options()) {
            String name = ConfigDefaults.optionName(option);
            if (option.longestName().startsWith("--") && !option.usageHelp() && !option.versionHelp()
                    && !NOT_CONFIGURABLE.contains(name)) {
                options.add(option);
            }
        }
        return options;
    }

    /** The option called {@code name} (no dashes) in {@code command}, or null. */
    static OptionSpec find(CommandSpec command, String name) {
        for (OptionSpec option : configurable(command)) {
            if (ConfigDefaults.optionName(option).equals(name)) {
                return option;
            }
        }
        return null;
    }
}
