package io.tlswatch.analyzer.golden;

import java.util.Locale;
import java.util.Optional;

/**
 * The fingerprint renderings tlswatch writes into session documents and the peers publish, named
 * as the documents name them ({@code tls.client.ja3}, {@code tlswatch.client.ja3_string}, ...).
 */
enum Fingerprint {
    /** JA3's MD5. */
    JA3("ja3"),
    /** JA3's text, "771,4865-...,0-23-...,29-23-24,0". */
    JA3_STRING("ja3_string"),
    /** JA3S's MD5. */
    JA3S("ja3s"),
    /** JA3S's text, "771,4865,51-43". */
    JA3S_STRING("ja3s_string"),
    /** JA4. */
    JA4("ja4"),
    /** JA4 unhashed, sorted. */
    JA4_R("ja4_r"),
    /** JA4 hashed in wire order, SNI and ALPN kept. */
    JA4_O("ja4_o"),
    /** JA4 unhashed in wire order. */
    JA4_RO("ja4_ro");

    private final String documentName;

    Fingerprint(String documentName) {
        this.documentName = documentName;
    }

    /** The name in session documents and in {@code corpus-fingerprint-corrections.tsv}. */
    String documentName() {
        return documentName;
    }

    static Fingerprint byDocumentName(String name) {
        for (Fingerprint f : values()) {
            if (f.documentName.equals(name)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no fingerprint is named " + name);
    }

    /**
     * The JA4 rendering a FoxIO-style field name stands for: "ja4", "ja4_r", "ja4_o", "ja4_ro" in
     * any case; empty for the JA4+ fingerprints tlswatch does not compute (ja4s, ja4x, ja4h, ja4l,
     * ja4t, ja4ssh and their renderings). Any other name mentioning ja3 or ja4 is an error naming
     * {@code where}, so that no published value is left out unnoticed.
     */
    static Optional<Fingerprint> ja4Rendering(String field, String where) {
        String name = field.toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (name) {
            case "ja4" -> Optional.of(JA4);
            case "ja4_r" -> Optional.of(JA4_R);
            case "ja4_o" -> Optional.of(JA4_O);
            case "ja4_ro" -> Optional.of(JA4_RO);
            default -> {
                if (!name.matches("ja4(s|x|h|l|ls|t|ts|ssh)(_.*)?")) {
                    throw new IllegalStateException(where + ": a fingerprint field this test does not know: " + field);
                }
                yield Optional.empty();
            }
        };
    }

    /** Whether a field name looks like a fingerprint (mentions ja3 or ja4). */
    static boolean looksLikeOne(String field) {
        String name = field.toLowerCase(Locale.ROOT);
        return name.contains("ja3") || name.contains("ja4");
    }
}
