package io.tlswatch.analyzer.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest intercepted and suspected sessions, for a report's drill-down table: at most
 * {@link #MAX_SAMPLES}, the older ones forgotten and counted.
 */
public final class SessionSamples {
    /** Most sessions kept by default. */
    public static final int MAX_SAMPLES = 200;

    private final int max;
    private final ArrayDeque<SessionFacts> latest = new ArrayDeque<>();
    private long forgotten;

    public SessionSamples() {
        this(MAX_SAMPLES);
    }

    SessionSamples(int max) {
        this.max = max;
    }

    void add(SessionFacts s) {
        if (!s.affected()) {
            return;
        }
        if (latest.size() == max) {
            latest.pollFirst();
            forgotten++;
        }
        latest.addLast(s);
    }

    /** The kept sessions, newest first. */
    public List<SessionFacts> newestFirst() {
        List<SessionFacts> out = new ArrayList<>(latest);
        java.util.Collections.reverse(out);
        return out;
    }

    /** Affected sessions seen but not kept. */
    public long forgotten() {
        return forgotten;
    }
}
