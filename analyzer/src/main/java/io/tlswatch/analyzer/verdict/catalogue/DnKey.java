package io.tlswatch.analyzer.verdict.catalogue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The lookup key of a whole distinguished name for {@code issuer_dn} entries: every attribute as
 * {@code TYPE=folded value}, sorted, so that the same set of attributes gives the same key whatever
 * the order it was written in (RFC 4514 prints the last RDN first, OpenSSL the first) and whatever
 * the case.
 */
final class DnKey {
    private DnKey() {
    }

    static String of(List<DnText.Attribute> attributes) {
        List<String> parts = new ArrayList<>(attributes.size());
        for (DnText.Attribute a : attributes) {
            parts.add(a.type() + '=' + Glob.fold(a.value()));
        }
        Collections.sort(parts);
        return String.join("\u0000", parts);
    }
}
