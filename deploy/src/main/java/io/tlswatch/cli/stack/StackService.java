package io.tlswatch.cli.stack;

import java.io.IOException;

/**
 * One service of the embedded stack. Services start in the stack's order, each reading the
 * addresses of those before it from the {@link StackContext} and publishing its own there; they
 * stop in reverse order. Adding a service to the stack is one line in {@link StackServices}.
 */
public interface StackService {
    /** A short name for progress lines, e.g. {@code kafka}. */
    String name();

    /** Starts the service; throws when it cannot (the stack then stops what it started). */
    void start(StackContext context) throws IOException;

    /** Stops the service and waits for it to end; never throws, callable when not started. */
    void stop();
}
