package io.tlswatch.analyzer.synth;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The kinds of traffic a synthetic capture can imitate, each a set of defaults for
 * {@link SynthSettings} (any of which the user may override).
 */
public enum Mix {
    /**
     * A link as it is: about 300 data packets of about 1,400 bytes per handshake (application data
     * per flow drawn between half and one and a half times 420,000 bytes), 30 % TLS 1.3.
     */
    REALISTIC("realistic", 0.3, 420_000, true),
    /**
     * As many handshakes as possible: every flow a TLS 1.2 handshake with a chain, and 1,000 bytes
     * of application data.
     */
    HANDSHAKE_HEAVY("handshake-heavy", 0.0, 1_000, false);

    private final String cliName;
    private final double tls13Share;
    private final long dataBytes;
    private final boolean dataVaries;

    Mix(String cliName, double tls13Share, long dataBytes, boolean dataVaries) {
        this.cliName = cliName;
        this.tls13Share = tls13Share;
        this.dataBytes = dataBytes;
        this.dataVaries = dataVaries;
    }

    /** The name on the command line: "realistic", "handshake-heavy". */
    public String cliName() {
        return cliName;
    }

    public double tls13Share() {
        return tls13Share;
    }

    /** Application-data bytes per flow (mean, when {@link #dataVaries()}). */
    public long dataBytes() {
        return dataBytes;
    }

    /** Whether each flow's application data is drawn around {@link #dataBytes()} rather than exactly it. */
    public boolean dataVaries() {
        return dataVaries;
    }

    /** The mix named {@code name} (its {@link #cliName()}, any case). */
    public static Mix of(String name) {
        for (Mix m : values()) {
            if (m.cliName.equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no mix '" + name + "' (" + names() + ")");
    }

    /** The names, for messages: "realistic, handshake-heavy". */
    public static String names() {
        return Arrays.stream(values()).map(Mix::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
