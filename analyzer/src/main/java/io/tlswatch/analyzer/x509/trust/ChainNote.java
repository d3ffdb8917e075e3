package io.tlswatch.analyzer.x509.trust;

import java.util.Locale;

/** Something worth knowing about a chain that does not by itself make it untrusted. */
public enum ChainNote {
    SHA1_SIGNATURE("a certificate on the path is signed with SHA-1"),
    MD5_SIGNATURE("a certificate on the path is signed with MD5 (or MD2/MD4)"),
    COMMON_NAME_FALLBACK("the leaf has no DNS or IP subject alternative names; the server name"
            + " matched its subject common name, which browsers no longer accept"),
    NAME_NOT_CHECKED("no server name was given, so the leaf's names were not compared"),
    ROOT_SENT("the server sent the trust anchor itself (harmless, but not needed)"),
    OUT_OF_ORDER("the certificates sent (those that parsed) are not in path order (RFC 5246"
            + " section 7.4.2 wants each to certify the one before it)"),
    UNUSED_CERTIFICATES("the server sent certificates that are not on the path"),
    UNPARSEABLE_CERTIFICATES("a certificate after the leaf did not parse and was left out"),
    CERTIFICATES_IGNORED("the chain held more certificates than TrustLimits.MAX_CHAIN_CERTIFICATES;"
            + " the rest were ignored"),
    LEAF_IS_TRUST_ANCHOR("the leaf itself is in the trust store"),
    SEARCH_BOUNDED("path building stopped at its work bound; a better path may exist");

    private final String description;

    ChainNote(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** The name used in documents, e.g. {@code sha1_signature}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
