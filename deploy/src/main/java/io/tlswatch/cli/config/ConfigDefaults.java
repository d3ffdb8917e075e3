package io.tlswatch.cli.config;

import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when the command line does not give it, first found wins:
 * <ol>
 * <li>the environment: {@code TLSWATCH_<COMMAND>_<OPTION>}, then {@code TLSWATCH_<OPTION>}
 *     (upper case, '-' as '_': {@code TLSWATCH_CAPTURE_BUFFER_SIZE}, {@code TLSWATCH_MAX_FLOWS});</li>
 * <li>the configuration file: {@code command.option}, then {@code option};</li>
 * <li>the option's built-in default.</li>
 * </ol>
 * The command line beats all three. Positional parameters never come from here.
 */
public final class ConfigDefaults implements IDefaultValueProvider {
    static final String ENV_PREFIX = "TLSWATCH_";

    private final ConfigFile file;
    private final Map<String, String> environment;

    /** @param file the configuration file, or null for none */
    public ConfigDefaults(ConfigFile file, Map<String, String> environment) {
        this.file = file;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option) || option.longestName().length() < 3) {
            return null;
        }
        String command = commandOf(option);
        String name = optionName(option);
        String fromEnvironment = environment.get(environmentName(command, name));
        if (fromEnvironment == null) {
            fromEnvironment = environment.get(environmentName(null, name));
        }
        if (fromEnvironment != null) {
            return fromEnvironment;
        }
        ConfigFile.Setting setting = file != null ? file.lookup(command, name) : null;
        return setting != null ? setting.value() : null;
    }

    /** The option's key in a configuration file: its longest name without the dashes. */
    static String optionName(OptionSpec option) {
        return option.longestName().replaceFirst("^-+", "");
    }

    /** The name of the (sub)command the option belongs to, also when it comes from a mixin. */
    static String commandOf(OptionSpec option) {
        return option.command().name();   // a mixin's options belong to the command that mixes them in
    }

    /** {@code TLSWATCH_[COMMAND_]OPTION}, upper case, '-' as '_'. */
    static String environmentName(String command, String option) {
        String name = (command != null ? command + "_" : "") + option;
        return ENV_PREFIX + name.replace('-', '_').toUpperCase(Locale.ROOT);
    }
}
