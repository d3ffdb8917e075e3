package io.tlswatch.analyzer.verdict.fingerprints;

import java.io.IOException;
import java.util.List;

/**
 * A table of interception ClientHellos that could not be loaded: unreadable, too large, or with
 * bad lines. The message is one line (the first problem, and how many more there are); every
 * problem, one line each, is in {@link #problems()}.
 */
public final class InterceptionHelloTableException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InterceptionHelloTableException(List<String> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, "file:line: what is wrong", in file order. */
    public List<String> problems() {
        return problems;
    }

    private static String summary(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problem to report");
        }
        int more = problems.size() - 1;
        return problems.get(0) + (more == 0 ? "" : " (and " + more + " more " + (more == 1 ? "problem" : "problems") + ")");
    }
}
