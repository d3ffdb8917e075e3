package io.tlswatch.analyzer.x509.trust;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One complete path the builder found, judged on everything but time: how it ends, the
 * time-independent failures and notes (see {@link PathChecks}), and the validity window of the
 * path (the latest notBefore and earliest notAfter of its certificates), so that judging it at a
 * capture time costs two comparisons. Immutable.
 */
final class CandidatePath {
    /** How a path ends. */
    enum End {
        /** At a root of the trust store (the leaf itself, when it is one). */
        TRUST_ANCHOR,
        /** At a self-issued certificate the server sent, which the store lacks. */
        SELF_ISSUED_ROOT,
        /** At a certificate whose issuer is found neither among those sent nor in the store. */
        MISSING_ISSUER
    }

    private final List<String> sha256s;
    private final End end;
    private final PathAnchor anchor;
    private final String missingIssuer;
    private final Set<ChainFailure> failures;
    private final Set<ChainNote> notes;
    private final Instant validFrom;
    private final Instant validUntil;

    CandidatePath(List<ChainCertificate> certificates, End end, PathAnchor anchor, String missingIssuer,
                  Set<ChainFailure> failures, Set<ChainNote> notes) {
        List<String> hashes = new ArrayList<>(certificates.size());
        Instant from = Instant.MIN;
        Instant until = Instant.MAX;
        for (ChainCertificate certificate : certificates) {
            hashes.add(certificate.sha256());
            // an undecodable time counts as never valid: not yet valid and already expired
            Instant notBefore = certificate.info().notBefore() != null ? certificate.info().notBefore() : Instant.MAX;
            Instant notAfter = certificate.info().notAfter() != null ? certificate.info().notAfter() : Instant.MIN;
            from = notBefore.isAfter(from) ? notBefore : from;
            until = notAfter.isBefore(until) ? notAfter : until;
        }
        this.sha256s = List.copyOf(hashes);
        this.end = end;
        this.anchor = anchor;
        this.missingIssuer = missingIssuer;
        this.failures = failures.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(failures));
        this.notes = notes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(notes));
        this.validFrom = from;
        this.validUntil = until;
    }

    /** Structural rank, lower is better: a clean path to the store, one with failures, an untrusted root, a gap. */
    int rank() {
        return switch (end) {
            case TRUST_ANCHOR -> failures.isEmpty() ? 0 : 1;
            case SELF_ISSUED_ROOT -> 2;
            case MISSING_ISSUER -> 3;
        };
    }

    /** EXPIRED and NOT_YET_VALID at {@code time} (RFC 5280 section 4.1.2.5: both bounds inclusive). */
    Set<ChainFailure> timeFailures(Instant time) {
        boolean expired = time.isAfter(validUntil);
        boolean notYetValid = time.isBefore(validFrom);
        if (!expired && !notYetValid) {
            return Set.of();
        }
        if (expired && notYetValid) {
            return Set.of(ChainFailure.EXPIRED, ChainFailure.NOT_YET_VALID);
        }
        return Set.of(expired ? ChainFailure.EXPIRED : ChainFailure.NOT_YET_VALID);
    }

    List<String> sha256s() {
        return sha256s;
    }

    End end() {
        return end;
    }

    PathAnchor anchor() {
        return anchor;
    }

    String missingIssuer() {
        return missingIssuer;
    }

    Set<ChainFailure> failures() {
        return failures;
    }

    Set<ChainNote> notes() {
        return notes;
    }

    /** The latest notBefore on the path ({@link Instant#MAX} when one is undecodable). */
    Instant validFrom() {
        return validFrom;
    }

    /** The earliest notAfter on the path ({@link Instant#MIN} when one is undecodable). */
    Instant validUntil() {
        return validUntil;
    }

    @Override
    public String toString() {
        return "CandidatePath[" + end + ", " + sha256s.size() + " certificates, " + failures + "]";
    }
}
