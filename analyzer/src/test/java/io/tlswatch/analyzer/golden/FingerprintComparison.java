package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One capture's published fingerprints against its sessions', per source and rendering, as
 * multisets: a value published n times must be among the sessions' values at least n times
 * (sessions the source did not report may add values of their own). A published value that is not
 * is a problem unless a correction lists it, with the value tlswatch gives instead, or none, and
 * why. Corrections are checked too: one that explains a value that does match, or names a value of
 * ours that no session has to spare, is a problem.
 */
final class FingerprintComparison {
    private static final int CANDIDATES_SHOWN = 3;

    /**
     * @param compared published values compared
     * @param matched of those, values our sessions give as published
     * @param corrected of the others, values a correction explains
     */
    record Tally(int compared, int matched, int corrected) {
        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(compared + other.compared, matched + other.matched, corrected + other.corrected);
        }
    }

    /**
     * @param tallies per source
     * @param problems unexplained mismatches (each as the correction row it would need, reason "?")
     *                 and corrections that do not hold
     */
    record Result(Map<String, Tally> tallies, List<String> problems) {
    }

    private record Key(String source, Fingerprint kind) {
    }

    private FingerprintComparison() {
    }

    static Result compare(String capture, List<PublishedFingerprint> published, List<SessionFingerprints> sessions,
                          List<FingerprintCorrection> corrections) {
        Map<Key, Map<String, Integer>> expected = new HashMap<>();
        for (PublishedFingerprint p : published) {
            expected.computeIfAbsent(new Key(p.source(), p.kind()), k -> new HashMap<>()).merge(p.value(), 1, Integer::sum);
        }
        Map<Fingerprint, Map<String, Integer>> ours = new HashMap<>();
        for (SessionFingerprints s : sessions) {
            s.values().forEach((kind, value) -> ours.computeIfAbsent(kind, k -> new HashMap<>()).merge(value, 1, Integer::sum));
        }
        Map<Key, List<FingerprintCorrection>> rows = corrections.stream()
                .filter(c -> c.capture().equals(capture))
                .collect(Collectors.groupingBy(c -> new Key(c.source(), c.kind())));
        TreeSet<Key> keys = new TreeSet<>(Comparator.comparing(Key::source).thenComparing(Key::kind));
        keys.addAll(expected.keySet());
        keys.addAll(rows.keySet());

        Map<String, Tally> tallies = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Key key : keys) {
            Tally tally = compare(capture, key, expected.getOrDefault(key, Map.of()),
                    ours.getOrDefault(key.kind(), Map.of()), rows.getOrDefault(key, List.of()), problems);
            tallies.merge(key.source(), tally, Tally::plus);
        }
        return new Result(tallies, problems);
    }

    private static Tally compare(String capture, Key key, Map<String, Integer> expected, Map<String, Integer> ours,
                                 List<FingerprintCorrection> rows, List<String> problems) {
        Map<String, Integer> missing = new TreeMap<>();
        Map<String, Integer> spare = new TreeMap<>();
        int compared = 0;
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
            compared += e.getValue();
            int shortBy = e.getValue() - ours.getOrDefault(e.getKey(), 0);
            if (shortBy > 0) {
                missing.put(e.getKey(), shortBy);
            }
        }
        ours.forEach((value, n) -> {
            int left = n - expected.getOrDefault(value, 0);
            if (left > 0) {
                spare.put(value, left);
            }
        });
        int unmatched = missing.values().stream().mapToInt(Integer::intValue).sum();

        int corrected = 0;
        for (FingerprintCorrection row : rows) {
            if (missing.getOrDefault(row.expected(), 0) < row.times()) {
                problems.add("a correction for a value that is not missing " + row.times() + " time(s): " + row.toTsv());
                continue;
            }
            if (!row.ours().isEmpty()) {
                if (spare.getOrDefault(row.ours(), 0) < row.times()) {
                    problems.add("a correction names a value no session of ours has to spare: " + row.toTsv());
                    continue;
                }
                spare.merge(row.ours(), -row.times(), Integer::sum);
            }
            missing.merge(row.expected(), -row.times(), Integer::sum);
            corrected += row.times();
        }
        missing.forEach((value, n) -> {
            if (n > 0) {
                problems.add("not matched: " + String.join("\t", capture, key.source(), key.kind().documentName(),
                        value, candidates(spare), Integer.toString(n), "?"));
            }
        });
        return new Tally(compared, compared - unmatched, corrected);
    }

    /** Our values left unmatched, which may be the one tlswatch gives for the missing value. */
    private static String candidates(Map<String, Integer> spare) {
        return spare.entrySet().stream().filter(e -> e.getValue() > 0).limit(CANDIDATES_SHOWN)
                .map(Map.Entry::getKey).collect(Collectors.joining("|"));
    }
}
