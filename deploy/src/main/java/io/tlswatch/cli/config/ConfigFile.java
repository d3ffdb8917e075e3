package io.tlswatch.cli.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A tlswatch configuration file, as written: one setting per line, {@code key = value}, where the
 * key is an option's long name without its dashes ({@code max-flows}), for every command that has
 * the option, or {@code command.option} ({@code capture.buffer-size}) for one command. Blank lines
 * and lines starting with {@code #} are ignored; the value is the rest of the line, trimmed. What
 * the keys mean is {@link ConfigDefaults}' and {@link ConfigCheck}'s business: this class only
 * reads the syntax, and says where it is wrong.
 */
public final class ConfigFile {
    private static final Pattern KEY = Pattern.compile("([a-z][a-z0-9]*(-[a-z0-9]+)*\\.)?[a-z][a-z0-9]*(-[a-z0-9]+)*");

    /** One setting and the line it came from. */
    public record Setting(String key, String value, int line) {
        /** The command a {@code command.option} key names, or null for every command. */
        public String command() {
            int dot = key.indexOf('.');
            return dot < 0 ? null : key.substring(0, dot);
        }

        /** The option's long name without dashes. */
        public String option() {
            return key.substring(key.indexOf('.') + 1);
        }
    }

    private final Path path;
    private final List<Setting> settings;
    private final Map<String, Setting> byKey = new HashMap<>();

    private ConfigFile(Path path, List<Setting> settings) {
        this.path = path;
        this.settings = List.copyOf(settings);
        settings.forEach(s -> byKey.put(s.key(), s));
    }

    /** Reads and checks the syntax of {@code path}. */
    public static ConfigFile read(Path path) throws ConfigException {
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(path + ": no such file");
        } catch (IOException e) {
            throw new ConfigException(path + ": " + e.getMessage());
        }
        List<Setting> settings = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new ConfigException(path, lineNumber, "expected 'key = value', found '" + abbreviate(line) + "'");
            }
            String key = line.substring(0, equals).strip();
            String value = line.substring(equals + 1).strip();
            if (key.startsWith("--")) {
                throw new ConfigException(path, lineNumber, "write the option without dashes: '" + key.substring(2) + " = ...'");
            }
            if (!KEY.matcher(key).matches()) {
                throw new ConfigException(path, lineNumber, "'" + abbreviate(key)
                        + "' is not an option name (lower case, words joined by '-', optionally 'command.' before it)");
            }
            Integer earlier = seen.putIfAbsent(key, lineNumber);
            if (earlier != null) {
                throw new ConfigException(path, lineNumber, "'" + key + "' is set again (first on line " + earlier + ")");
            }
            settings.add(new Setting(key, value, lineNumber));
        }
        return new ConfigFile(path, settings);
    }

    public Path path() {
        return path;
    }

    public List<Setting> settings() {
        return settings;
    }

    /** The setting for {@code option} of {@code command}: the command's own key first, then the plain one. */
    public Setting lookup(String command, String option) {
        Setting own = byKey.get(command + "." + option);
        return own != null ? own : byKey.get(option);
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
