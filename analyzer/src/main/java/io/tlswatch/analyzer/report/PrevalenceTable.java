package io.tlswatch.analyzer.report;

import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.verdict.Interceptor;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.analyzer.verdict.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The prevalence of interception as flat rows, the form in which it is exported for papers and
 * shown in a report: one row for all sessions, one per verdict, one per interceptor (most sessions
 * first). Every count is the one {@link Prevalence} holds, so the rows equal the replay's summary.
 */
public final class PrevalenceTable {
    /** The column names, in order (CSV header, JSON keys). */
    public static final List<String> COLUMNS = List.of("scope", "verdict", "interceptor_class", "interceptor_name",
            "interceptor_id", "sessions", "session_share", "clients", "server_names", "first_seen", "last_seen",
            "saturated");

    /** What a row counts. */
    public enum Scope {
        ALL("all"), VERDICT("verdict"), INTERCEPTOR("interceptor");

        private final String jsonName;

        Scope(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return jsonName;
        }
    }

    /**
     * One row. {@code verdict} is set on verdict rows, {@code interceptor} on interceptor rows;
     * times are ISO-8601 UTC or null when nothing was counted; {@code sessionShare} is the row's
     * sessions over all sessions (0 when there were none).
     */
    public record Row(Scope scope, Verdict verdict, Interceptor interceptor, long sessions, double sessionShare,
                      int clients, int serverNames, String firstSeen, String lastSeen, boolean saturated) {
    }

    private final List<Row> rows;

    PrevalenceTable(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    /** The rows of {@code prevalence}. */
    public static PrevalenceTable of(Prevalence prevalence) {
        long all = prevalence.all().sessions();
        List<Row> rows = new ArrayList<>();
        rows.add(row(Scope.ALL, null, null, prevalence.all(), all));
        for (Verdict v : Verdict.values()) {
            rows.add(row(Scope.VERDICT, v, null, prevalence.of(v), all));
        }
        for (Map.Entry<Interceptor, Prevalence.Tally> e : prevalence.interceptors()) {
            rows.add(row(Scope.INTERCEPTOR, null, e.getKey(), e.getValue(), all));
        }
        return new PrevalenceTable(rows);
    }

    private static Row row(Scope scope, Verdict verdict, Interceptor interceptor, Prevalence.Tally t, long all) {
        boolean empty = t.sessions() == 0;
        return new Row(scope, verdict, interceptor, t.sessions(), all == 0 ? 0.0 : (double) t.sessions() / all,
                t.clients(), t.serverNames(), empty ? null : DocumentHeader.isoTime(t.firstNanos()),
                empty ? null : DocumentHeader.isoTime(t.lastNanos()), t.saturated());
    }

    public List<Row> rows() {
        return rows;
    }

    /** The rows of one scope. */
    public List<Row> rows(Scope scope) {
        return rows.stream().filter(r -> r.scope() == scope).toList();
    }
}
