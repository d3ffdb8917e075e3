package io.tlswatch.analyzer.verdict.fingerprints;

import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.CAPTURES;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.CLASS;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.CLASSES;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.COLUMNS;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.COMMENT;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.FIELD_SEPARATOR;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.HEADER;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.JA3;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.JA4;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.LIST_SEPARATOR;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.MAX_LINE_CHARS;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.MAX_PRODUCT_CHARS;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.NONE;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.PRODUCT;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.SHARED_WITH;
import static io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableFormat.SOURCE;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The table's text both ways (format in {@link InterceptionHelloTableFormat}): lines into rows,
 * with a one-line problem, naming file and line, for every line that is not a valid row; and a row
 * into its line. No I/O.
 */
public final class InterceptionHelloTableText {

    /**
     * What a table's text held.
     *
     * @param rows the valid rows, in file order
     * @param problems one line per bad line ("name:line: what is wrong"); a bad line is left out
     */
    public record Parsed(List<InterceptionClientHello> rows, List<String> problems) {
        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }
    }

    private InterceptionHelloTableText() {
    }

    /** Reads {@code text}, the contents of the table called {@code name} (for the problems). */
    public static Parsed parse(String name, String text) {
        List<InterceptionClientHello> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean header = false;
        int number = 0;
        for (String line : (Iterable<String>) text.lines()::iterator) {
            number++;
            if (line.isBlank() || line.charAt(0) == COMMENT) {
                continue;
            }
            String where = name + ":" + number + ": ";
            if (!header) {
                if (!line.strip().equals(HEADER)) {
                    problems.add(where + "expected the header line \"" + HEADER.replace("\t", "<TAB>")
                            + "\"; nothing read");
                    return new Parsed(List.of(), problems);
                }
                header = true;
                continue;
            }
            if (line.length() > MAX_LINE_CHARS) {
                problems.add(where + "line longer than " + MAX_LINE_CHARS + " characters");
                continue;
            }
            String[] fields = line.split(String.valueOf(FIELD_SEPARATOR), -1);
            String problem = rowProblem(fields);
            if (problem != null) {
                problems.add(where + problem);
                continue;
            }
            InterceptionClientHello row = row(fields);
            if (!keys.add(row.key())) {
                problems.add(where + "the same ja4, ja3 and product as an earlier line");
                continue;
            }
            rows.add(row);
        }
        if (!header) {
            problems.add(name + ": no header line \"" + HEADER.replace("\t", "<TAB>") + "\"; nothing read");
        }
        return new Parsed(rows, problems);
    }

    /** What is wrong with a row's fields, or null when they make a valid row. */
    private static String rowProblem(String[] f) {
        if (f.length != COLUMNS) {
            return COLUMNS + " tab-separated fields expected, found " + f.length;
        }
        String ja4 = f[JA4].strip();
        String ja3 = f[JA3].strip().toLowerCase(Locale.ROOT);
        if (!ja4.equals(NONE) && !InterceptionHelloTableFormat.JA4_PATTERN.matcher(ja4).matches()) {
            return "ja4 \"" + shortened(ja4) + "\" is not a JA4 (like t11d520400_80f1d282cb34_990b54203475) nor \"-\"";
        }
        if (!ja3.equals(NONE) && !InterceptionHelloTableFormat.JA3_PATTERN.matcher(ja3).matches()) {
            return "ja3 \"" + shortened(ja3) + "\" is not a JA3 MD5 (32 hex digits) nor \"-\"";
        }
        if (ja4.equals(NONE) && ja3.equals(NONE)) {
            return "neither a ja4 nor a ja3";
        }
        String product = productProblem("product", f[PRODUCT].strip());
        if (product != null) {
            return product;
        }
        if (!CLASSES.contains(f[CLASS].strip())) {
            return "class \"" + shortened(f[CLASS].strip()) + "\" is not one of " + String.join(", ", sortedClasses());
        }
        for (String other : list(f[SHARED_WITH])) {
            String problem = productProblem("shared_with", other);
            if (problem != null) {
                return problem;
            }
        }
        String source = f[SOURCE].strip();
        if (source.isEmpty() || source.equals(NONE)) {
            return "no source: say where the fingerprint comes from";
        }
        return null;
    }

    private static String productProblem(String column, String name) {
        if (name.isEmpty() || name.equals(NONE)) {
            return column + " is empty";
        }
        if (name.length() > MAX_PRODUCT_CHARS) {
            return column + " longer than " + MAX_PRODUCT_CHARS + " characters";
        }
        if (name.indexOf(LIST_SEPARATOR) >= 0) {
            return column + " \"" + shortened(name) + "\" holds '" + LIST_SEPARATOR + "', the list separator";
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return column + " holds a control character";
        }
        return null;
    }

    private static InterceptionClientHello row(String[] f) {
        return new InterceptionClientHello(optional(f[JA4].strip()),
                optional(f[JA3].strip().toLowerCase(Locale.ROOT)), f[PRODUCT].strip(), f[CLASS].strip(),
                list(f[SHARED_WITH]), list(f[CAPTURES]), f[SOURCE].strip());
    }

    private static String optional(String field) {
        return field.equals(NONE) ? null : field;
    }

    private static List<String> list(String field) {
        String stripped = field.strip();
        if (stripped.isEmpty() || stripped.equals(NONE)) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        for (String item : stripped.split(String.valueOf(LIST_SEPARATOR), -1)) {
            if (!item.isBlank()) {
                items.add(item.strip());
            }
        }
        return items;
    }

    private static List<String> sortedClasses() {
        return CLASSES.stream().sorted().toList();
    }

    /** A value quoted in a problem, cut so that a pasted blob does not become a page of text. */
    private static String shortened(String value) {
        return value.length() <= 60 ? value : value.substring(0, 57) + "...";
    }

    /** One row as a line, without the line end: what {@link #parse} reads back into the same row. */
    public static String line(InterceptionClientHello row) {
        return String.join(String.valueOf(FIELD_SEPARATOR), optionalField(row.ja4()), optionalField(row.ja3()),
                row.product(), row.interceptorClass(), listField(row.sharedWith()), listField(row.captures()),
                row.source());
    }

    private static String optionalField(String value) {
        return value == null ? NONE : value;
    }

    private static String listField(List<String> items) {
        return items.isEmpty() ? NONE : String.join(String.valueOf(LIST_SEPARATOR), items);
    }
}
