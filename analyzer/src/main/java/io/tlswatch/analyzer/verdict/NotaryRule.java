package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import io.tlswatch.analyzer.x509.CertificateInfo;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

/**
 * Compares a session whose chain is not publicly trusted with what the rest of the run showed for
 * the same server name ({@link SiteNotary}):
 * <ul>
 * <li>{@code notary-disagreement} (suspicious): the name was served elsewhere with a publicly
 * trusted chain, and this leaf has another key and another issuer.</li>
 * <li>{@code forged-copy} (decisive): moreover, this leaf copies that trusted leaf's subject and
 * alternative names, and bears an on-the-fly forger's tell-tale edits: validity moved by whole
 * hours, or the serial number kept but for its last four bytes (what the Kazakh forger did in
 * 2019: shared/interceptors/README.md). Legitimate re-issues get new serials and fresh validity.</li>
 * </ul>
 */
final class NotaryRule implements Rule {
    static final String DISAGREEMENT = "notary-disagreement";
    static final String FORGED_COPY = "forged-copy";
    private static final int SERIAL_TAIL_HEX = 8;

    private final SiteNotary notary;

    NotaryRule(SiteNotary notary) {
        this.notary = notary;
    }

    @Override
    public String id() {
        return DISAGREEMENT;
    }

    @Override
    public void evaluate(VerdictInput in, List<Evidence> out) {
        if (!in.chainSeen() || in.trust() == null || in.trust().anchoredInStore() || !in.leaf().isParsed()) {
            return;
        }
        CertificateInfo leaf = in.leaf();
        for (SiteNotary.TrustedLeaf trusted : notary.trustedLeaves(in.serverName())) {
            if (trusted.spkiSha256().equals(leaf.publicKey().spkiSha256())
                    || trusted.issuer().equals(leaf.issuer().distinguishedName())) {
                continue;
            }
            boolean namesCopied = trusted.subject().equals(leaf.subject().distinguishedName())
                    && trusted.names().equals(new HashSet<>(leaf.alternativeNames()));
            long shiftSeconds = trusted.notBefore() != null && leaf.notBefore() != null
                    ? Duration.between(trusted.notBefore(), leaf.notBefore()).getSeconds() : 0;
            boolean wholeHourShift = shiftSeconds != 0 && shiftSeconds % 3600 == 0;
            boolean serialPrefixKept = serialPrefixKept(trusted.serial(), leaf.serialNumber());
            Evidence.Facts facts = Evidence.of()
                    .put("trusted_leaf_sha256", trusted.sha256())
                    .put("trusted_issuer", trusted.issuer())
                    .put("this_issuer", leaf.issuer().distinguishedName());
            if (namesCopied && (wholeHourShift || serialPrefixKept)) {
                out.add(facts.put("names_copied", true)
                        .put("validity_shift_hours", wholeHourShift ? shiftSeconds / 3600 : null)
                        .put("serial_prefix_kept", serialPrefixKept)
                        .as(FORGED_COPY, Strength.DECISIVE, new Interceptor(InterceptorClass.UNKNOWN,
                                leaf.issuer().distinguishedName(), null)));
            } else {
                out.add(facts.put("names_copied", namesCopied)
                        .as(DISAGREEMENT, Strength.SUSPICIOUS, null));
            }
            return;
        }
    }

    /** Same length, same digits but the last four bytes, and not identical. */
    static boolean serialPrefixKept(String trusted, String forged) {
        if (trusted == null || forged == null || trusted.length() != forged.length()
                || trusted.length() <= SERIAL_TAIL_HEX || trusted.equals(forged)) {
            return false;
        }
        int prefix = trusted.length() - SERIAL_TAIL_HEX;
        return trusted.regionMatches(0, forged, 0, prefix);
    }
}
