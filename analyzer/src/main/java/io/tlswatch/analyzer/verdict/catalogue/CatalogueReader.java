package io.tlswatch.analyzer.verdict.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Cuts catalogue text into stanzas and checks its line structure; what the values mean is
 * {@link EntryCompiler}'s job. The format, one fact per line so that a diff reads well:
 *
 * <pre>
 * # a comment (whole lines only: '#' may occur in values, e.g. URL fragments)
 * [fortinet-fortigate]              an entry's id: [a-z0-9] words joined by '-'
 * name = Fortinet FortiGate SSL inspection CA
 * class = corporate
 * issuer = CN=FortiGate CA, O=Fortinet    repeatable, as are cert_sha256, spki_sha256,
 * source = https://...                   issuer_dn and source
 * enabled = false                        (user files) drops the entry of that id
 * </pre>
 */
final class CatalogueReader {
    static final Set<String> KEYS =
            Set.of("name", "class", "cert_sha256", "spki_sha256", "issuer", "issuer_dn", "source", "enabled");
    private static final Set<String> SINGLE_KEYS = Set.of("name", "class", "enabled");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** One {@code key = value} line. */
    record Field(String key, String value, int line) {
    }

    /** One {@code [id]} and the fields under it. */
    record Stanza(String id, int line, List<Field> fields) {
        List<Field> all(String key) {
            return fields.stream().filter(f -> f.key().equals(key)).toList();
        }

        Field first(String key) {
            for (Field f : fields) {
                if (f.key().equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }

    private final String file;
    private final List<CatalogueProblem> problems;
    private final List<Stanza> stanzas = new ArrayList<>();
    private final Map<String, Integer> idLines = new HashMap<>();
    private String id;
    private int idLine;
    private List<Field> fields;
    private boolean skipping; // under a header already reported as bad

    private CatalogueReader(String file, List<CatalogueProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The stanzas of {@code text}, in order; what is wrong is added to {@code problems}. */
    static List<Stanza> read(String file, String text, List<CatalogueProblem> problems) {
        CatalogueReader reader = new CatalogueReader(file, problems);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] lines = body.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            reader.line(lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i], i + 1);
        }
        reader.close();
        return reader.stanzas;
    }

    private void line(String raw, int number) {
        if (raw.length() > CatalogueLimits.MAX_LINE_CHARS) {
            problem(number, "line longer than " + CatalogueLimits.MAX_LINE_CHARS + " characters");
            return;
        }
        String line = raw.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("[")) {
            header(line, number);
            return;
        }
        int equals = line.indexOf('=');
        if (equals < 0) {
            problem(number, "expected [id], key = value, a # comment or a blank line");
            return;
        }
        field(line.substring(0, equals).strip(), line.substring(equals + 1).strip(), number);
    }

    private void header(String line, int number) {
        close();
        skipping = true;
        if (!line.endsWith("]")) {
            problem(number, "an entry header is [id] alone on its line");
            return;
        }
        String candidate = line.substring(1, line.length() - 1).strip();
        if (candidate.length() > CatalogueLimits.MAX_ID_CHARS || !ID.matcher(candidate).matches()) {
            problem(number, "bad id '" + candidate + "': lowercase letters and digits in words joined by '-', at most "
                    + CatalogueLimits.MAX_ID_CHARS + " characters");
            return;
        }
        Integer first = idLines.putIfAbsent(candidate, number);
        if (first != null) {
            problem(number, "duplicate id '" + candidate + "' (first at line " + first + ")");
            return;
        }
        if (idLines.size() > CatalogueLimits.MAX_ENTRIES_PER_FILE) {
            problem(number, "more than " + CatalogueLimits.MAX_ENTRIES_PER_FILE + " entries in one file");
            return;
        }
        skipping = false;
        id = candidate;
        idLine = number;
        fields = new ArrayList<>();
    }

    private void field(String key, String value, int number) {
        if (!KEYS.contains(key)) {
            problem(number, "unknown key '" + key + "' (one of name, class, cert_sha256, spki_sha256, issuer, "
                    + "issuer_dn, source, enabled)");
            return;
        }
        if (skipping) {
            return;
        }
        if (fields == null) {
            problem(number, "'" + key + "' outside an entry: start one with [id]");
            return;
        }
        if (value.isEmpty()) {
            problem(number, "empty value for '" + key + "'");
            return;
        }
        for (Field f : fields) {
            if (f.key().equals(key) && SINGLE_KEYS.contains(key)) {
                problem(number, "'" + key + "' given twice in [" + id + "] (first at line " + f.line() + ")");
                return;
            }
        }
        if (fields.size() >= CatalogueLimits.MAX_VALUES_PER_ENTRY) {
            problem(number, "more than " + CatalogueLimits.MAX_VALUES_PER_ENTRY + " values in [" + id + "]");
            return;
        }
        fields.add(new Field(key, value, number));
    }

    private void close() {
        if (fields != null) {
            stanzas.add(new Stanza(id, idLine, List.copyOf(fields)));
        }
        fields = null;
    }

    private void problem(int line, String message) {
        problems.add(new CatalogueProblem(file, line, message));
    }
}
