package io.tlswatch.analyzer.verdict.fingerprints;

import io.tlswatch.analyzer.fingerprint.Ja3;
import io.tlswatch.analyzer.fingerprint.Ja4;
import io.tlswatch.analyzer.fingerprint.Ja4Transport;
import io.tlswatch.analyzer.tls.ClientHello;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ClientHellos of known interception products, by fingerprint: the table that ships with
 * tlswatch ({@value #SHIPPED_RESOURCE}, made from Cloudflare mitmengine's reference captures) and
 * any tables of a user's merged over it. Immutable once built; lookups are two hash probes, safe
 * from any thread.
 *
 * <p>Merging: a user's row with the same ja4, ja3 and product as an earlier row replaces it; any
 * other row is added. {@link InterceptionClientHello#sharedWith()} is worked out again over the
 * merged rows, so that a user's product that sends a shipped fingerprint is named beside it.
 */
public final class InterceptionClientHellos {
    /** The shipped table, a resource beside this class. */
    public static final String SHIPPED_RESOURCE = "interception-clienthellos.tsv";

    private final List<InterceptionClientHello> entries;
    private final Map<String, List<InterceptionClientHello>> byJa4;
    private final Map<String, List<InterceptionClientHello>> byJa3;

    private InterceptionClientHellos(List<InterceptionClientHello> entries) {
        this.entries = List.copyOf(entries);
        this.byJa4 = index(this.entries, FingerprintKind.JA4);
        this.byJa3 = index(this.entries, FingerprintKind.JA3);
    }

    /** The shipped table alone. A broken shipped table is a broken build: it throws. */
    public static InterceptionClientHellos shipped() {
        try {
            return of(shippedRows());
        } catch (InterceptionHelloTableException e) {
            throw new IllegalStateException("the shipped " + SHIPPED_RESOURCE + " is broken: " + e.getMessage(), e);
        }
    }

    /**
     * The shipped table with {@code userTables} merged over it, in order.
     *
     * @throws InterceptionHelloTableException when a user's table cannot be read or has a bad line
     *     (every problem of every table is collected before it is thrown)
     */
    public static InterceptionClientHellos load(List<Path> userTables) throws InterceptionHelloTableException {
        List<InterceptionClientHello> rows = new ArrayList<>(shippedRows());
        List<String> problems = new ArrayList<>();
        for (Path table : userTables) {
            InterceptionHelloTableText.Parsed parsed = read(table);
            rows.addAll(parsed.rows());
            problems.addAll(parsed.problems());
        }
        if (!problems.isEmpty()) {
            throw new InterceptionHelloTableException(problems);
        }
        return of(rows);
    }

    /** The given rows, later ones replacing earlier ones with the same ja4, ja3 and product. */
    public static InterceptionClientHellos of(List<InterceptionClientHello> rows) {
        Map<String, InterceptionClientHello> byKey = new LinkedHashMap<>();
        for (InterceptionClientHello row : rows) {
            byKey.put(row.key(), row);
        }
        return new InterceptionClientHellos(withSharing(List.copyOf(byKey.values())));
    }

    /** Every row, in table order. */
    public List<InterceptionClientHello> entries() {
        return entries;
    }

    public int size() {
        return entries.size();
    }

    /** The rows whose JA4 or JA3 is that of {@code hello}, taken as sent over TCP. */
    public List<InterceptionMatch> match(ClientHello hello) {
        String ja4 = Ja4.of(hello, Ja4Transport.TCP).ja4();
        String ja3 = Ja3.of(hello).map(Ja3::md5).orElse(null);
        return match(ja4, ja3);
    }

    /**
     * The rows with this JA4 or this JA3 MD5 (either may be null), each with what it matched on;
     * empty when none.
     */
    public List<InterceptionMatch> match(String ja4, String ja3) {
        List<InterceptionClientHello> onJa4 = ja4 == null ? List.of() : byJa4.getOrDefault(ja4, List.of());
        List<InterceptionClientHello> onJa3 = ja3 == null ? List.of() : byJa3.getOrDefault(ja3, List.of());
        if (onJa4.isEmpty() && onJa3.isEmpty()) {
            return List.of();
        }
        Map<InterceptionClientHello, Set<FingerprintKind>> found = new LinkedHashMap<>();
        onJa4.forEach(e -> found.computeIfAbsent(e, k -> EnumSet.noneOf(FingerprintKind.class)).add(FingerprintKind.JA4));
        onJa3.forEach(e -> found.computeIfAbsent(e, k -> EnumSet.noneOf(FingerprintKind.class)).add(FingerprintKind.JA3));
        List<InterceptionMatch> matches = new ArrayList<>(found.size());
        found.forEach((entry, kinds) -> matches.add(new InterceptionMatch(entry, kinds)));
        return matches;
    }

    private static List<InterceptionClientHello> shippedRows() throws InterceptionHelloTableException {
        InputStream in = InterceptionClientHellos.class.getResourceAsStream(SHIPPED_RESOURCE);
        if (in == null) {
            throw new InterceptionHelloTableException(List.of(SHIPPED_RESOURCE + ": missing from the class path"));
        }
        String text;
        try (in) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the shipped " + SHIPPED_RESOURCE, e);
        }
        InterceptionHelloTableText.Parsed parsed = InterceptionHelloTableText.parse(SHIPPED_RESOURCE, text);
        if (!parsed.problems().isEmpty()) {
            throw new InterceptionHelloTableException(parsed.problems());
        }
        return parsed.rows();
    }

    private static InterceptionHelloTableText.Parsed read(Path table) {
        String name = table.toString();
        try {
            long size = Files.size(table);
            if (size > InterceptionHelloTableFormat.MAX_FILE_BYTES) {
                return unread(name + ": " + size + " bytes, more than the " + InterceptionHelloTableFormat.MAX_FILE_BYTES
                        + " a table may have; not read");
            }
            return InterceptionHelloTableText.parse(name, Files.readString(table, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return unread(name + ": cannot read: " + e.getMessage());
        }
    }

    private static InterceptionHelloTableText.Parsed unread(String problem) {
        return new InterceptionHelloTableText.Parsed(List.of(), List.of(problem));
    }

    /** The rows with sharedWith set to the other products of the same ja4 and ja3. */
    private static List<InterceptionClientHello> withSharing(List<InterceptionClientHello> rows) {
        Map<String, Set<String>> productsByFingerprint = new HashMap<>();
        for (InterceptionClientHello row : rows) {
            productsByFingerprint.computeIfAbsent(row.fingerprintKey(), k -> new TreeSet<>()).add(row.product());
        }
        List<InterceptionClientHello> out = new ArrayList<>(rows.size());
        for (InterceptionClientHello row : rows) {
            List<String> others = productsByFingerprint.get(row.fingerprintKey()).stream()
                    .filter(p -> !p.equals(row.product())).toList();
            out.add(new InterceptionClientHello(row.ja4(), row.ja3(), row.product(), row.interceptorClass(), others,
                    row.captures(), row.source()));
        }
        return out;
    }

    private static Map<String, List<InterceptionClientHello>> index(List<InterceptionClientHello> rows,
            FingerprintKind kind) {
        Map<String, List<InterceptionClientHello>> index = new HashMap<>();
        for (InterceptionClientHello row : rows) {
            String value = kind == FingerprintKind.JA4 ? row.ja4() : row.ja3();
            if (value != null) {
                index.computeIfAbsent(value, k -> new ArrayList<>(1)).add(row);
            }
        }
        index.replaceAll((k, v) -> List.copyOf(v));
        return Map.copyOf(index);
    }
}
