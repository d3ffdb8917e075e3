package io.tlswatch.analyzer.verdict.fingerprints;

import java.util.List;
import java.util.Objects;

/**
 * One row of the table: a ClientHello fingerprint that an interception product sent upstream, and
 * the product. At least one of the fingerprints is present; an absent one is {@code null} (the SSL
 * 2.0-compatible hello has no JA3, a user may know only one of them).
 *
 * @param ja4 the JA4 over TCP, or null
 * @param ja3 the JA3 MD5 (32 lower-case hex digits), or null
 * @param product the product's name, e.g. "Kaspersky Internet Security 2016"
 * @param interceptorClass the product's kind, as {@code interceptor.class} names it (one of
 *     {@link InterceptionHelloTableFormat#CLASSES})
 * @param sharedWith the other products whose rows carry the same JA4 and JA3 (empty when none):
 *     such a fingerprint says "one of these", not which
 * @param captures the captures the fingerprint was seen in (empty for a user's own row)
 * @param source where the row comes from, for a reader to follow
 */
public record InterceptionClientHello(String ja4, String ja3, String product, String interceptorClass,
                                      List<String> sharedWith, List<String> captures, String source) {
    public InterceptionClientHello {
        if (ja4 == null && ja3 == null) {
            throw new IllegalArgumentException("a row needs a JA4 or a JA3");
        }
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(interceptorClass, "interceptorClass");
        sharedWith = List.copyOf(sharedWith);
        captures = List.copyOf(captures);
        Objects.requireNonNull(source, "source");
    }

    /** Whether other products send the same fingerprint. */
    public boolean shared() {
        return !sharedWith.isEmpty();
    }

    /** The product, or every product that sends this fingerprint: "Avast 11 | AVG 16". */
    public String label() {
        return shared() ? product + " | " + String.join(" | ", sharedWith) : product;
    }

    /** Both fingerprints: rows with the same key are one hello, whatever the product. */
    String fingerprintKey() {
        return ja4 + "\t" + ja3;
    }

    /** The key a user's row replaces a shipped row by: both fingerprints and the product. */
    String key() {
        return fingerprintKey() + "\t" + product;
    }
}
