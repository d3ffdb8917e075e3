package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.x509.CertificateInfo;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * {@code public-leaf-without-sct} (suspicious): a leaf that chains to the public store, issued after
 * Certificate Transparency became mandatory in browsers (Chrome, for certificates issued from 1 May
 * 2018), carries no embedded SCTs, and the server did not deliver any in the handshake either.
 * Public CAs log what they issue; a leaf that was never logged is what a mis-issued or stolen
 * public CA would produce for a targeted interception. Roots the user added (private PKIs, test
 * CAs) are not held to the public CT policy.
 */
final class MissingSctRule implements Rule {
    static final String ID = "public-leaf-without-sct";
    /** Chrome's CT policy applies to certificates issued from this instant. */
    static final Instant CT_REQUIRED_FROM = Instant.parse("2018-05-01T00:00:00Z");

    private final Set<String> privateRoots;

    /** @param privateRoots SHA-256 of roots the user added, which need not log to CT */
    MissingSctRule(Set<String> privateRoots) {
        this.privateRoots = privateRoots;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        if (!in.chainSeen() || in.trust() == null || !in.trust().anchoredInStore() || in.sctOutsideCertificate()
                || privateRoots.contains(in.trust().anchor().certificateSha256())) {
            return;
        }
        CertificateInfo leaf = in.leaf();
        if (!leaf.isParsed() || leaf.sctCount() > 0 || leaf.notBefore() == null
                || leaf.notBefore().isBefore(CT_REQUIRED_FROM) || in.chain().size() == 1 && leaf.selfSigned()) {
            return;
        }
        out.add(Evidence.of()
                .put("leaf_sha256", leaf.sha256())
                .put("not_before", leaf.notBefore())
                .put("issuer", leaf.issuer().distinguishedName())
                .as(ID, Strength.SUSPICIOUS, null));
    }
}
