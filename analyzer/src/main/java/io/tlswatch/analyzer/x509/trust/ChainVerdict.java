package io.tlswatch.analyzer.x509.trust;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a browser-like client would make of the chain a server sent, judged at the capture time:
 * the path built (leaf to root, as SHA-256s), where it ends, the named failures and notes, and
 * the leaf's name match. Immutable, plain JDK values.
 *
 * <p>{@link #trusted()} means no failure at all: the path ends at a root of the trust store,
 * every signature verifies, every certificate was valid at capture time, the constraints hold
 * and the server name matched (or none was given: {@link ChainNote#NAME_NOT_CHECKED}).
 * {@link #anchoredInStore()} is the narrower fact the interception rules start from: whatever
 * the time, name and constraints, the chain does lead to a trusted root with valid signatures.
 */
public final class ChainVerdict {
    private final List<String> path;
    private final PathAnchor anchor;
    private final Set<ChainFailure> failures;
    private final Set<ChainNote> notes;
    private final String matchedName;
    private final String missingIssuer;
    private final Instant judgedAt;
    private final Instant pathValidFrom;
    private final Instant pathValidUntil;
    private final int certificatesSent;
    private final int certificatesIgnored;

    ChainVerdict(List<String> path, PathAnchor anchor, Set<ChainFailure> failures, Set<ChainNote> notes,
                 String matchedName, String missingIssuer, Instant judgedAt, Instant pathValidFrom,
                 Instant pathValidUntil, int certificatesSent, int certificatesIgnored) {
        this.path = List.copyOf(path);
        this.anchor = anchor;
        this.failures = failures.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(failures));
        this.notes = notes.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(notes));
        this.matchedName = matchedName;
        this.missingIssuer = missingIssuer;
        this.judgedAt = Objects.requireNonNull(judgedAt, "judgedAt");
        this.pathValidFrom = pathValidFrom;
        this.pathValidUntil = pathValidUntil;
        this.certificatesSent = certificatesSent;
        this.certificatesIgnored = certificatesIgnored;
    }

    /** No failure: a client with this trust store would have accepted the chain at capture time. */
    public boolean trusted() {
        return failures.isEmpty();
    }

    /**
     * The path ends at a root of the trust store and every signature on it verifies (validity,
     * constraints and name aside): the chain is publicly rooted.
     */
    public boolean anchoredInStore() {
        return anchor != null && anchor.inTrustStore() && !failures.contains(ChainFailure.BAD_SIGNATURE)
                && !failures.contains(ChainFailure.UNSUPPORTED_SIGNATURE);
    }

    /**
     * The path as lowercase hex SHA-256s, leaf first, ending with the root (the store's copy when
     * it came from the store); just the leaf when it is itself the anchor or when nothing above it
     * was found. Empty only for {@link ChainFailure#NO_CERTIFICATE}.
     */
    public List<String> path() {
        return path;
    }

    /** Where the path ends, or null when it ends at an issuer that was found nowhere. */
    public PathAnchor anchor() {
        return anchor;
    }

    public Set<ChainFailure> failures() {
        return failures;
    }

    public Set<ChainNote> notes() {
        return notes;
    }

    /** The leaf's name that matched the server name ("*.example.com", "192.0.2.1"), or null. */
    public String matchedName() {
        return matchedName;
    }

    /**
     * With {@link ChainFailure#UNKNOWN_ISSUER} or {@link ChainFailure#INCOMPLETE_CHAIN}: the
     * RFC 4514 name of the issuer that was found nowhere (a removed root's name tells an old
     * capture from a forgery); otherwise null.
     */
    public String missingIssuer() {
        return missingIssuer;
    }

    /** The capture time the validity of the path was judged at. */
    public Instant judgedAt() {
        return judgedAt;
    }

    /** The latest notBefore on the path; null when there is no path or a time was undecodable. */
    public Instant pathValidFrom() {
        return pathValidFrom;
    }

    /** The earliest notAfter on the path; null when there is no path or a time was undecodable. */
    public Instant pathValidUntil() {
        return pathValidUntil;
    }

    /** How many certificates the server sent. */
    public int certificatesSent() {
        return certificatesSent;
    }

    /** How many were ignored beyond {@link TrustLimits#MAX_CHAIN_CERTIFICATES}. */
    public int certificatesIgnored() {
        return certificatesIgnored;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChainVerdict that && path.equals(that.path) && Objects.equals(anchor, that.anchor)
                && failures.equals(that.failures) && notes.equals(that.notes)
                && Objects.equals(matchedName, that.matchedName) && Objects.equals(missingIssuer, that.missingIssuer)
                && judgedAt.equals(that.judgedAt) && Objects.equals(pathValidFrom, that.pathValidFrom)
                && Objects.equals(pathValidUntil, that.pathValidUntil) && certificatesSent == that.certificatesSent
                && certificatesIgnored == that.certificatesIgnored;
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, anchor, failures, notes, matchedName, judgedAt);
    }

    @Override
    public String toString() {
        return "ChainVerdict[" + (trusted() ? "trusted" : "untrusted " + failures) + ", notes=" + notes
                + ", path=" + path.size() + ", anchor=" + (anchor != null ? anchor.subject() : null) + "]";
    }
}
