package io.tlswatch.cli.stack;

import io.tlswatch.analyzer.verdict.Verdict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The one screen {@code tlswatch demo} ends with: the prevalence Elasticsearch holds, in the
 * words and layout of the replay summary (so the two can be read side by side), then where each
 * service of the stack answers.
 */
public final class PrevalenceScreen {
    private static final int SHOWN_INTERCEPTORS = 8;

    private PrevalenceScreen() {
    }

    /** Prints the prevalence and the addresses. */
    public static void print(PrintWriter out, StackPrevalence p, Map<String, String> addresses) {
        out.printf(Locale.ROOT, "tlswatch: prevalence in Elasticsearch, sensor %s (%,d rollup documents)%n", p.sensor(),
                p.rollups());
        List<String> shares = new ArrayList<>();
        long total = p.total();
        for (Verdict v : Verdict.values()) {
            long n = p.sessions().get(v);
            shares.add(String.format(Locale.ROOT, "%s %,d (%.1f%%)", v.jsonName(), n, total == 0 ? 0.0 : 100.0 * n / total));
        }
        out.printf(Locale.ROOT, "  verdicts      %s of %,d sessions%n", String.join(", ", shares), total);
        String label = "  interceptors  ";
        List<StackPrevalence.Interceptor> interceptors = p.interceptors();
        for (int i = 0; i < Math.min(SHOWN_INTERCEPTORS, interceptors.size()); i++) {
            StackPrevalence.Interceptor it = interceptors.get(i);
            out.printf(Locale.ROOT, "%s%s \"%s\" [%s]: %,d sessions%n", label, it.interceptorClass(), it.name(), it.id(),
                    it.sessions());
            label = "                ";
        }
        if (interceptors.size() > SHOWN_INTERCEPTORS) {
            out.printf(Locale.ROOT, "%s... and %d more%n", label, interceptors.size() - SHOWN_INTERCEPTORS);
        } else if (interceptors.isEmpty()) {
            out.println(label + "none");
        }
        printAddresses(out, addresses);
        out.flush();
    }

    /** Where each service answers, one line each, the dashboard's absence said. */
    public static void printAddresses(PrintWriter out, Map<String, String> addresses) {
        for (Map.Entry<String, String> a : addresses.entrySet()) {
            out.printf(Locale.ROOT, "  %-13s %s%n", a.getKey(), a.getValue());
        }
        if (!addresses.containsKey(StackContext.DASHBOARD)) {
            out.printf(Locale.ROOT, "  %-13s not in this build yet: query %s/tlswatch-*/_search%n", StackContext.DASHBOARD,
                    addresses.getOrDefault(StackContext.ELASTICSEARCH, "Elasticsearch"));
        }
        out.flush();
    }
}
