package io.tlswatch.cli.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * Checks a configuration file against the commands: every key names an option that exists (for
 * the command it names, or for at least one command), and every value converts to the option's
 * type the way the command line would convert it. Ranges and combinations are the commands' to
 * check when they run.
 */
public final class ConfigCheck {
    private final Supplier<CommandLine> freshRoot;

    /** @param freshRoot a new, unparsed root command line each time it is called */
    public ConfigCheck(Supplier<CommandLine> freshRoot) {
        this.freshRoot = freshRoot;
    }

    /** One line per problem, with its file and line; empty when the file is good. */
    public List<String> problems(ConfigFile file) {
        CommandOptions known = new CommandOptions(freshRoot.get());
        List<String> problems = new ArrayList<>();
        for (ConfigFile.Setting setting : file.settings()) {
            String where = file.path() + ":" + setting.line() + ": ";
            List<CommandSpec> targets = new ArrayList<>();
            if (setting.command() != null) {
                CommandSpec command = known.commands().get(setting.command());
                if (command == null) {
                    problems.add(where + "no command '" + setting.command() + "' has options (commands: "
                            + String.join(", ", known.commands().keySet()) + ")");
                    continue;
                }
                if (CommandOptions.find(command, setting.option()) == null) {
                    problems.add(where + "'" + setting.command() + "' has no option --" + setting.option()
                            + suggestion(List.of(command), setting.option()));
                    continue;
                }
                targets.add(command);
            } else {
                for (CommandSpec command : known.commands().values()) {
                    if (CommandOptions.find(command, setting.option()) != null) {
                        targets.add(command);
                    }
                }
                if (targets.isEmpty()) {
                    problems.add(where + "no command has an option --" + setting.option()
                            + suggestion(known.commands().values(), setting.option()));
                    continue;
                }
            }
            for (CommandSpec command : targets) {
                String problem = valueProblem(command, CommandOptions.find(command, setting.option()), setting.value());
                if (problem != null) {
                    problems.add(where + setting.key() + ": " + problem);
                    break;
                }
            }
        }
        return problems;
    }

    /** Why {@code value} is not a value of {@code option}, as the command line would say it, or null. */
    private String valueProblem(CommandSpec command, OptionSpec option, String value) {
        if (option.arity().max() == 0) {
            String v = value.toLowerCase(Locale.ROOT);
            return v.equals("true") || v.equals("false") ? null : "'" + value + "' is not true or false";
        }
        List<String> args = new ArrayList<>(List.of(command.qualifiedName(" ").split(" ")));
        args.remove(0);   // the root's own name
        args.add(option.longestName() + "=" + value);
        try {
            freshRoot.get().parseArgs(args.toArray(String[]::new));
            return null;
        } catch (MissingParameterException otherRequiredArguments) {
            return null;   // the value converted; what is missing is not this file's business
        } catch (ParameterException e) {
            return e.getMessage();
        }
    }

    /** " (did you mean --x?)" for the closest option name within two edits, or "". */
    private static String suggestion(Iterable<CommandSpec> commands, String wrong) {
        String best = null;
        int bestDistance = 3;
        for (CommandSpec command : commands) {
            for (OptionSpec option : CommandOptions.configurable(command)) {
                String name = ConfigDefaults.optionName(option);
                int d = distance(name, wrong);
                if (d < bestDistance) {
                    bestDistance = d;
                    best = name;
                }
            }
        }
        return best == null ? "" : " (did you mean --" + best + "?)";
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
