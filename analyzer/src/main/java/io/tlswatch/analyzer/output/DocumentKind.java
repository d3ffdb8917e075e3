package io.tlswatch.analyzer.output;

/** The kinds of documents tlswatch emits, by their {@code event.kind} value. */
public enum DocumentKind {
    /** One per TLS handshake seen. */
    SESSION("session"),
    /** One per distinct certificate (by SHA-256) per run. */
    CERTIFICATE("certificate"),
    /** Exact session counts per minute, sensor, client subnet, verdict and interceptor. */
    ROLLUP("rollup"),
    /** Counters of the monitor itself (packets, drops, errors). */
    STATS("stats");

    private final String eventKind;

    DocumentKind(String eventKind) {
        this.eventKind = eventKind;
    }

    public String eventKind() {
        return eventKind;
    }
}
