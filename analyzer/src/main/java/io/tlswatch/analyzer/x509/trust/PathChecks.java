package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.x509.CaConstraints;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The time-independent policy of RFC 5280 section 6.1 for one built path, as browsers apply it
 * to TLS servers: signatures, how the path ends, basic constraints and path length (section
 * 4.2.1.9), key usage (4.2.1.3), extended key usage (4.2.1.12, also on intermediates, as browsers
 * chain it), unknown critical extensions (4.2), weak signature hashes. Validity in time is judged
 * later ({@link CandidatePath#timeFailures}).
 *
 * <p>A root from the trust store is trusted by configuration: only its CA flag (when it has
 * basicConstraints at all: old v1 roots have none), keyUsage and pathLenConstraint count, as
 * mozilla::pkix does. Name constraints and certificate policies are not enforced.
 */
final class PathChecks {
    private static final Set<String> LEAF_KEY_USAGES = Set.of("digitalSignature", "keyEncipherment", "keyAgreement");
    private static final Set<String> SERVER_PURPOSES = Set.of("serverAuth", "anyExtendedKeyUsage");
    private static final Set<String> MD5_OR_WORSE = Set.of("md5", "md4", "md2");

    private PathChecks() {
    }

    /**
     * Judges {@code path} (leaf first; for {@link CandidatePath.End#TRUST_ANCHOR} the store's copy of
     * the anchor last, unless the leaf is the anchor). {@code edges.get(i)} is the check of
     * {@code path.get(i)}'s signature by {@code path.get(i + 1)}; {@code selfEdge} the check of the
     * top's own signature for {@link CandidatePath.End#SELF_ISSUED_ROOT}.
     */
    static CandidatePath evaluate(List<ChainCertificate> path, List<SignatureCheck.Result> edges, CandidatePath.End end,
                                  TrustAnchor anchor, SignatureCheck.Result selfEdge, List<ChainCertificate> sent) {
        Set<ChainFailure> failures = EnumSet.noneOf(ChainFailure.class);
        Set<ChainNote> notes = EnumSet.noneOf(ChainNote.class);
        int top = path.size() - 1;
        edges.forEach(edge -> signature(edge, failures));
        checkLeaf(path.get(0).info(), failures);
        int intermediatesBelow = 0;
        for (int i = 1; i <= top; i++) {
            checkIssuer(path.get(i).info(), end == CandidatePath.End.TRUST_ANCHOR && i == top, intermediatesBelow, failures);
            if (!path.get(i).selfIssued()) {
                intermediatesBelow++;
            }
        }
        PathAnchor pathAnchor = null;
        String missingIssuer = null;
        ChainCertificate sentRoot = null;
        switch (end) {
            case TRUST_ANCHOR -> {
                sentRoot = top == 0 ? path.get(0) : sentTwin(anchor.decoded(), sent);
                pathAnchor = PathAnchor.of(anchor.decoded(), true, sentRoot != null);
                if (top == 0) {
                    notes.add(ChainNote.LEAF_IS_TRUST_ANCHOR);
                } else if (sentRoot != null) {
                    notes.add(ChainNote.ROOT_SENT);
                }
            }
            case SELF_ISSUED_ROOT -> {
                signature(selfEdge, failures);
                failures.add(top == 0 ? ChainFailure.SELF_SIGNED : ChainFailure.UNTRUSTED_ROOT);
                sentRoot = path.get(top);
                pathAnchor = PathAnchor.of(sentRoot, false, true);
            }
            case MISSING_ISSUER -> {
                failures.add(top == 0 ? ChainFailure.UNKNOWN_ISSUER : ChainFailure.INCOMPLETE_CHAIN);
                missingIssuer = path.get(top).info().issuer().distinguishedName();
            }
        }
        weakSignatures(path, end == CandidatePath.End.MISSING_ISSUER ? top + 1 : top, notes);
        order(path, end, sentRoot, sent, notes);
        return new CandidatePath(path, end, pathAnchor, missingIssuer, failures, notes);
    }

    private static void signature(SignatureCheck.Result result, Set<ChainFailure> failures) {
        if (result == SignatureCheck.Result.INVALID) {
            failures.add(ChainFailure.BAD_SIGNATURE);
        } else if (result == SignatureCheck.Result.NOT_CHECKED) {
            failures.add(ChainFailure.UNSUPPORTED_SIGNATURE);
        }
    }

    private static void checkLeaf(CertificateInfo leaf, Set<ChainFailure> failures) {
        if (!leaf.keyUsage().isEmpty() && leaf.keyUsage().stream().noneMatch(LEAF_KEY_USAGES::contains)) {
            failures.add(ChainFailure.BAD_KEY_USAGE);
        }
        if (!leaf.extendedKeyUsage().isEmpty() && leaf.extendedKeyUsage().stream().noneMatch(SERVER_PURPOSES::contains)) {
            failures.add(ChainFailure.BAD_EKU);
        }
        if (!leaf.unknownCriticalExtensions().isEmpty()) {
            failures.add(ChainFailure.UNKNOWN_CRITICAL_EXTENSION);
        }
    }

    private static void checkIssuer(CertificateInfo ca, boolean storeAnchor, int intermediatesBelow,
                                    Set<ChainFailure> failures) {
        CaConstraints constraints = ca.caConstraints();
        if (constraints == null ? !storeAnchor : !constraints.ca()) {
            failures.add(ChainFailure.NOT_A_CA);
        }
        if (constraints != null && constraints.pathLength() != null && intermediatesBelow > constraints.pathLength()) {
            failures.add(ChainFailure.PATH_LENGTH_EXCEEDED);
        }
        if (!ca.keyUsage().isEmpty() && !ca.keyUsage().contains("keyCertSign")) {
            failures.add(ChainFailure.BAD_KEY_USAGE);
        }
        if (storeAnchor) {
            return;
        }
        if (!ca.extendedKeyUsage().isEmpty() && ca.extendedKeyUsage().stream().noneMatch(SERVER_PURPOSES::contains)) {
            failures.add(ChainFailure.BAD_EKU);
        }
        if (!ca.unknownCriticalExtensions().isEmpty()) {
            failures.add(ChainFailure.UNKNOWN_CRITICAL_EXTENSION);
        }
    }

    /** Notes SHA-1 and MD5-or-worse among the signatures of the first {@code signed} certificates. */
    private static void weakSignatures(List<ChainCertificate> path, int signed, Set<ChainNote> notes) {
        for (int i = 0; i < signed; i++) {
            String hash = path.get(i).info().signatureAlgorithm().hash();
            if ("sha1".equals(hash)) {
                notes.add(ChainNote.SHA1_SIGNATURE);
            } else if (hash != null && MD5_OR_WORSE.contains(hash)) { // null: no separate hash, or unknown
                notes.add(ChainNote.MD5_SIGNATURE);
            }
        }
    }

    /** OUT_OF_ORDER when the sent certificates on the path are not sent leaf-first in path order; UNUSED_CERTIFICATES. */
    private static void order(List<ChainCertificate> path, CandidatePath.End end, ChainCertificate sentRoot,
                              List<ChainCertificate> sent, Set<ChainNote> notes) {
        int top = path.size() - 1;
        int onPath = 0;
        for (int i = 0; i <= top; i++) {
            boolean storeCopy = end == CandidatePath.End.TRUST_ANCHOR && i == top && i > 0;
            int position = sent.indexOf(storeCopy ? sentRoot : path.get(i));
            if (position < 0) {
                break;
            }
            onPath++;
            if (position != i) {
                notes.add(ChainNote.OUT_OF_ORDER);
            }
        }
        if (onPath < sent.size()) {
            notes.add(ChainNote.UNUSED_CERTIFICATES);
        }
    }

    /** The sent certificate with the anchor's name and key, or null. */
    private static ChainCertificate sentTwin(ChainCertificate anchor, List<ChainCertificate> sent) {
        for (ChainCertificate certificate : sent) {
            if (certificate.sameNameAndKey(anchor)) {
                return certificate;
            }
        }
        return null;
    }
}
