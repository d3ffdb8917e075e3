package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.verdict.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions per verdict for each of many keys (client subnets, server names), for naming the most
 * affected ones. Exact for the first {@link #maxKeys} distinct keys; a session of a key beyond them
 * is not kept but counted ({@link #untrackedSessions()}), so memory is bounded whatever the traffic
 * and the report says what it could not rank.
 */
public final class TopCounts {
    /** Most distinct keys kept by default. */
    public static final int MAX_KEYS = 100_000;

    /** One key and its sessions. */
    public record Row(String key, VerdictCounts sessions) {
    }

    /** The top rows and what was left out of them. */
    public record Top(List<Row> rows, int keysNotShown, long affectedSessionsNotShown, long untrackedSessions) {
    }

    private static final Comparator<Row> MOST_AFFECTED = Comparator
            .comparingLong((Row r) -> r.sessions().of(Verdict.INTERCEPTED)).reversed()
            .thenComparing(Comparator.comparingLong((Row r) -> r.sessions().affected()).reversed())
            .thenComparing(Comparator.comparingLong((Row r) -> r.sessions().total()).reversed())
            .thenComparing(Row::key);

    private final int maxKeys;
    private final Map<String, VerdictCounts> counts = new HashMap<>();
    private long untrackedSessions;

    public TopCounts() {
        this(MAX_KEYS);
    }

    TopCounts(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    /** Counts one session of {@code key} (a null key is not counted). */
    void add(String key, Verdict verdict) {
        if (key == null) {
            return;
        }
        VerdictCounts row = counts.get(key);
        if (row == null) {
            if (counts.size() >= maxKeys) {
                untrackedSessions++;
                return;
            }
            row = new VerdictCounts();
            counts.put(key, row);
        }
        row.add(verdict);
    }

    /**
     * The {@code n} keys with the most intercepted sessions (then suspected, then all), among those
     * with at least one affected session, and what the cut left out.
     */
    public Top top(int n) {
        List<Row> affected = new ArrayList<>();
        for (Map.Entry<String, VerdictCounts> e : counts.entrySet()) {
            if (e.getValue().affected() > 0) {
                affected.add(new Row(e.getKey(), e.getValue()));
            }
        }
        affected.sort(MOST_AFFECTED);
        List<Row> shown = List.copyOf(affected.subList(0, Math.min(n, affected.size())));
        long notShown = 0;
        for (Row r : affected.subList(shown.size(), affected.size())) {
            notShown += r.sessions().affected();
        }
        return new Top(shown, affected.size() - shown.size(), notShown, untrackedSessions);
    }

    /** Distinct keys counted. */
    public int keys() {
        return counts.size();
    }

    /** Sessions whose key came after the bound of distinct keys was reached. */
    public long untrackedSessions() {
        return untrackedSessions;
    }
}
