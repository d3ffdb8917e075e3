package io.tlswatch.analyzer.x509.trust;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the paths from a leaf to a root: a depth-first search by issuer name (exact DER), over the
 * store's anchors and the certificates the server sent, in any order, each certificate at most
 * once per path (so loops in issuer links end). Candidates are tried best first: signature
 * verified, then store anchors before sent certificates, then an authorityKeyIdentifier that
 * matches the candidate's subjectKeyIdentifier (RFC 5280 section 4.2.1.1) before one that does
 * not. A sent certificate with the name and key of a store anchor (a root sent along, a
 * cross-signed copy of a root) stands for that anchor, so the path ends in the store.
 *
 * <p>Every complete path found is kept, judged by {@link PathChecks}, up to
 * {@link TrustLimits#MAX_CANDIDATE_PATHS}; the search stops at {@link TrustLimits#MAX_SEARCH_STEPS}
 * candidates or {@link TrustLimits#MAX_SIGNATURE_CHECKS} signature checks. One instance per chain.
 */
final class PathBuilder {
    private final TrustStore store;
    private final List<ChainCertificate> sent;
    private final List<ChainCertificate> path = new ArrayList<>();
    private final List<SignatureCheck.Result> edges = new ArrayList<>();
    private final List<CandidatePath> found = new ArrayList<>();
    private int steps;
    private int signatureChecks;
    private boolean bounded;

    /** One possible issuer of the top of the path. */
    private record Candidate(ChainCertificate certificate, TrustAnchor anchor, SignatureCheck.Result signature,
                             int keyIdRank) {
        int signatureRank() {
            return switch (signature) {
                case VALID -> 0;
                case NOT_CHECKED -> 1;
                case INVALID -> 2;
            };
        }
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::signatureRank)
            .thenComparingInt(candidate -> candidate.anchor() != null ? 0 : 1)
            .thenComparingInt(Candidate::keyIdRank);

    /** What the search found. */
    record Result(List<CandidatePath> paths, boolean bounded) {
    }

    private PathBuilder(TrustStore store, List<ChainCertificate> sent) {
        this.store = store;
        this.sent = sent;
    }

    /** Paths for the chain {@code sent} (parsed certificates in the order sent, leaf first, no repeats). */
    static Result build(List<ChainCertificate> sent, TrustStore store) {
        PathBuilder builder = new PathBuilder(store, sent);
        ChainCertificate leaf = sent.get(0);
        builder.path.add(leaf);
        TrustAnchor leafAnchor = store.anchorFor(leaf);
        if (leafAnchor != null) {
            builder.record(CandidatePath.End.TRUST_ANCHOR, leafAnchor, null);
        } else {
            builder.extend();
        }
        return new Result(List.copyOf(builder.found), builder.bounded);
    }

    private void extend() {
        ChainCertificate top = path.get(path.size() - 1);
        if (top.selfIssued()) {
            SignatureCheck.Result self = check(top, top);
            if (self == null) {
                return;
            }
            record(CandidatePath.End.SELF_ISSUED_ROOT, null, self);
        }
        List<Candidate> candidates = candidates(top);
        if (candidates == null) {
            return;
        }
        if (candidates.isEmpty() && !top.selfIssued()) {
            record(CandidatePath.End.MISSING_ISSUER, null, null);
        }
        for (Candidate candidate : candidates) {
            if (isDone()) {
                return;
            }
            if (++steps > TrustLimits.MAX_SEARCH_STEPS) {
                stopBounded();
                return;
            }
            edges.add(candidate.signature());
            path.add(candidate.certificate());
            if (candidate.anchor() != null) {
                record(CandidatePath.End.TRUST_ANCHOR, candidate.anchor(), null);
            } else {
                extend();
            }
            path.remove(path.size() - 1);
            edges.remove(edges.size() - 1);
        }
    }

    /** The possible issuers of {@code top}, best first; null when the signature budget ran out. */
    private List<Candidate> candidates(ChainCertificate top) {
        List<Candidate> candidates = new ArrayList<>();
        for (TrustAnchor anchor : store.anchorsNamed(top.issuer())) {
            if (!add(candidates, top, anchor.decoded(), anchor)) {
                return null;
            }
        }
        for (ChainCertificate certificate : sent) {
            if (certificate.subject().equals(top.issuer()) && !path.contains(certificate)
                    && store.anchorFor(certificate) == null && !add(candidates, top, certificate, null)) {
                return null;
            }
        }
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    private boolean add(List<Candidate> candidates, ChainCertificate child, ChainCertificate issuer, TrustAnchor anchor) {
        SignatureCheck.Result signature = check(child, issuer);
        if (signature == null) {
            return false;
        }
        candidates.add(new Candidate(issuer, anchor, signature, keyIdRank(child, issuer)));
        return true;
    }

    /** 0 when the child's authorityKeyIdentifier names the issuer's key, 2 when it names another, else 1. */
    private static int keyIdRank(ChainCertificate child, ChainCertificate issuer) {
        String authorityKeyId = child.info().authorityKeyId();
        String subjectKeyId = issuer.info().subjectKeyId();
        if (authorityKeyId == null || subjectKeyId == null) {
            return 1;
        }
        return authorityKeyId.equals(subjectKeyId) ? 0 : 2;
    }

    /** The signature check of {@code child} by {@code issuer}, remembered; null once the budget is spent. */
    private SignatureCheck.Result check(ChainCertificate child, ChainCertificate issuer) {
        if (child == issuer && child.info().selfSigned()) {
            return SignatureCheck.Result.VALID; // the X.509 parser verified it already
        }
        SignatureCheck.Result remembered = child.rememberedResult(issuer.sha256());
        if (remembered != null) {
            return remembered;
        }
        if (++signatureChecks > TrustLimits.MAX_SIGNATURE_CHECKS) {
            stopBounded();
            return null;
        }
        SignatureCheck.Result result = SignatureCheck.verify(child, issuer);
        child.remember(issuer.sha256(), result);
        return result;
    }

    /** Stops the search; when nothing was found yet, the path so far ends at an issuer not found. */
    private void stopBounded() {
        if (!bounded && found.isEmpty()) {
            bounded = true;
            record(CandidatePath.End.MISSING_ISSUER, null, null);
        }
        bounded = true;
    }

    private boolean isDone() {
        return bounded || found.size() >= TrustLimits.MAX_CANDIDATE_PATHS;
    }

    private void record(CandidatePath.End end, TrustAnchor anchor, SignatureCheck.Result selfEdge) {
        if (found.size() < TrustLimits.MAX_CANDIDATE_PATHS) {
            found.add(PathChecks.evaluate(List.copyOf(path), List.copyOf(edges), end, anchor, selfEdge, sent));
        }
    }
}
