package io.tlswatch.analyzer.x509.trust;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything about one chain and server name that does not depend on time: the candidate paths
 * with their structural failures, the name match, the chain-level failures and notes. A verdict
 * for any capture time is {@link #judgeAt}: it picks the best path at that time (structural rank,
 * then fewest failures including time, then shortest) without building anything again, which is
 * what lets {@link ChainVerdictCache} keep one analysis per chain for captures of any date.
 */
final class ChainAnalysis {
    private final List<CandidatePath> paths;
    private final List<String> unbuiltPath;
    private final Set<ChainFailure> failures;
    private final Set<ChainNote> notes;
    private final String matchedName;
    private final int certificatesSent;
    private final int certificatesIgnored;

    private ChainAnalysis(List<CandidatePath> paths, List<String> unbuiltPath, Set<ChainFailure> failures,
                          Set<ChainNote> notes, String matchedName, int certificatesSent, int certificatesIgnored) {
        this.paths = List.copyOf(paths);
        this.unbuiltPath = List.copyOf(unbuiltPath);
        this.failures = failures.isEmpty() ? Set.of() : EnumSet.copyOf(failures);
        this.notes = notes.isEmpty() ? Set.of() : EnumSet.copyOf(notes);
        this.matchedName = matchedName;
        this.certificatesSent = certificatesSent;
        this.certificatesIgnored = certificatesIgnored;
    }

    /** A chain whose paths were built. */
    static ChainAnalysis of(List<CandidatePath> paths, Set<ChainFailure> failures, Set<ChainNote> notes,
                            String matchedName, int certificatesSent, int certificatesIgnored) {
        return new ChainAnalysis(paths, List.of(), failures, notes, matchedName, certificatesSent, certificatesIgnored);
    }

    /** A chain no path could be built for: nothing sent, or a leaf that does not parse. */
    static ChainAnalysis unbuilt(List<String> leaf, ChainFailure failure, Set<ChainNote> notes,
                                 int certificatesSent, int certificatesIgnored) {
        return new ChainAnalysis(List.of(), leaf, Set.of(failure), notes, null, certificatesSent, certificatesIgnored);
    }

    ChainVerdict judgeAt(Instant time) {
        CandidatePath best = null;
        Set<ChainFailure> bestTimeFailures = Set.of();
        for (CandidatePath path : paths) {
            Set<ChainFailure> timeFailures = path.timeFailures(time);
            if (best == null || isBetter(path, timeFailures, best, bestTimeFailures)) {
                best = path;
                bestTimeFailures = timeFailures;
            }
        }
        Set<ChainFailure> allFailures = EnumSet.noneOf(ChainFailure.class);
        allFailures.addAll(failures);
        Set<ChainNote> allNotes = EnumSet.noneOf(ChainNote.class);
        allNotes.addAll(notes);
        if (best == null) {
            return new ChainVerdict(unbuiltPath, null, allFailures, allNotes, matchedName, null, time, null, null,
                    certificatesSent, certificatesIgnored);
        }
        allFailures.addAll(best.failures());
        allFailures.addAll(bestTimeFailures);
        allNotes.addAll(best.notes());
        return new ChainVerdict(best.sha256s(), best.anchor(), allFailures, allNotes, matchedName, best.missingIssuer(),
                time, decodable(best.validFrom()), decodable(best.validUntil()), certificatesSent, certificatesIgnored);
    }

    private static boolean isBetter(CandidatePath path, Set<ChainFailure> timeFailures,
                                    CandidatePath best, Set<ChainFailure> bestTimeFailures) {
        if (path.rank() != best.rank()) {
            return path.rank() < best.rank();
        }
        int failures = path.failures().size() + timeFailures.size();
        int bestFailures = best.failures().size() + bestTimeFailures.size();
        if (failures != bestFailures) {
            return failures < bestFailures;
        }
        return path.sha256s().size() < best.sha256s().size();
    }

    private static Instant decodable(Instant bound) {
        return bound.equals(Instant.MIN) || bound.equals(Instant.MAX) ? null : bound;
    }
}
