package io.tlswatch.cli.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The documented configuration file: every configurable option with its description and built-in
 * default, commented out, written from the commands themselves so it cannot fall behind them.
 * Options that several commands share (the analyzer's, the verdict's) come first under their plain
 * names; each command's own options follow under {@code command.option}.
 */
public final class ConfigExample {
    private static final int WIDTH = 96;

    private ConfigExample() {
    }

    public static String render(CommandLine root) {
        CommandOptions known = new CommandOptions(root);
        Map<String, List<CommandSpec>> owners = new LinkedHashMap<>();
        Map<String, OptionSpec> firstSeen = new LinkedHashMap<>();
        for (CommandSpec command : known.commands().values()) {
            for (OptionSpec option : CommandOptions.configurable(command)) {
                String name = ConfigDefaults.optionName(option);
                owners.computeIfAbsent(name, n -> new ArrayList<>()).add(command);
                firstSeen.putIfAbsent(name, option);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("""
                # tlswatch configuration: every option a command takes, with its built-in default.
                # Use it with --config FILE (or TLSWATCH_CONFIG=FILE); check it with `tlswatch config check FILE`.
                # A key is an option's long name without dashes; `command.option` sets it for one command only.
                # What wins: the command line, then the environment (TLSWATCH_<COMMAND>_<OPTION>, then
                # TLSWATCH_<OPTION>, upper case, '-' as '_'), then this file, then the built-in default.
                # Written by `tlswatch config example`.
                """);
        section(out, "Shared by several commands", null, firstSeen, owners, true);
        for (CommandSpec command : known.commands().values()) {
            Map<String, OptionSpec> own = new LinkedHashMap<>();
            for (OptionSpec option : CommandOptions.configurable(command)) {
                String name = ConfigDefaults.optionName(option);
                if (owners.get(name).size() == 1) {
                    own.put(name, option);
                }
            }
            section(out, "tlswatch " + command.qualifiedName(" ").replaceFirst("^tlswatch ", ""), command.name(), own, owners, false);
        }
        return out.toString();
    }

    private static void section(StringBuilder out, String title, String command, Map<String, OptionSpec> options,
                                Map<String, List<CommandSpec>> owners, boolean shared) {
        List<String> names = new ArrayList<>();
        for (String name : options.keySet()) {
            if (shared == owners.get(name).size() > 1) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return;
        }
        out.append("\n# ").append("=".repeat(3)).append(' ').append(title).append(' ').append("=".repeat(3)).append('\n');
        for (String name : names) {
            OptionSpec option = options.get(name);
            out.append('\n');
            String description = String.join(" ", option.description())
                    .replaceAll("\\s*\\(default: \\$\\{DEFAULT-VALUE}\\)", "");
            if (shared) {
                List<String> commands = owners.get(name).stream().map(CommandSpec::name).toList();
                description += " [" + String.join(", ", commands) + "]";
            }
            wrap(out, description);
            String value = option.defaultValue() != null ? option.defaultValue() : "";
            if (option.arity().max() == 0 && value.isEmpty()) {
                value = "false";
            }
            out.append("# ").append(command != null ? command + "." : "").append(name).append(" = ").append(value).append('\n');
        }
    }

    private static void wrap(StringBuilder out, String text) {
        StringBuilder line = new StringBuilder("#");
        for (String word : text.replace("%n", " ").split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                out.append(line).append('\n');
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        out.append(line).append('\n');
    }
}
