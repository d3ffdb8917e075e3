package io.tlswatch.cli.config;

import java.nio.file.Path;

/** A configuration that cannot be used; the message is one line that says where and why. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    ConfigException(Path file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
