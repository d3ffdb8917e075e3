package io.tlswatch.capture.synth;

/** The two ends of a synthetic TCP connection: the client opens it, the server accepts it. */
public enum Side {
    CLIENT, SERVER;

    /** The other end. */
    public Side peer() {
        return this == CLIENT ? SERVER : CLIENT;
    }
}
