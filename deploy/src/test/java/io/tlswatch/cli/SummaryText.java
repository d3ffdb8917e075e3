package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prevalence at the end of a replay's summary, read back from the text a user sees on stderr. */
final class SummaryText {
    private static final Pattern SHARE = Pattern.compile("(\\w+) ([\\d,]+) \\((\\d+\\.\\d)%\\)");
    private static final Pattern INTERCEPTOR = Pattern.compile(
            "^  (?:interceptors|\\s{12}) +(\\S+) \"(.*)\"(?: \\[(.+)])?: ([\\d,]+) sessions, ([\\d,]+) clients, ([\\d,]+) server names");

    /** A count as printed (1,234) and its share (12.3%). */
    record Share(String count, String percent) {
        long value() {
            return Long.parseLong(count.replace(",", ""));
        }
    }

    private final String text;

    SummaryText(String text) {
        this.text = text;
    }

    /** The line that starts with {@code label} ("verdicts", "clients", "server names"), by verdict. */
    Map<String, Share> shares(String label) {
        String line = text.lines().filter(l -> l.startsWith("  " + label + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + label + "' line in " + text));
        Map<String, Share> shares = new LinkedHashMap<>();
        Matcher m = SHARE.matcher(line);
        while (m.find()) {
            shares.put(m.group(1), new Share(m.group(2), m.group(3) + "%"));
        }
        assertEquals(4, shares.size(), line);
        return shares;
    }

    /** The interceptor lines: class, name, catalogue id (or ""), sessions, clients, server names, as printed. */
    List<List<String>> interceptors() {
        List<List<String>> rows = new ArrayList<>();
        for (String line : text.lines().toList()) {
            Matcher m = INTERCEPTOR.matcher(line);
            if (m.find()) {
                rows.add(List.of(m.group(1), m.group(2), m.group(3) == null ? "" : m.group(3), m.group(4), m.group(5),
                        m.group(6)));
            }
        }
        return rows;
    }

    @Override
    public String toString() {
        return text;
    }
}
