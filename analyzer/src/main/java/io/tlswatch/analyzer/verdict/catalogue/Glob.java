package io.tlswatch.analyzer.verdict.catalogue;

import java.util.Locale;

/**
 * An anchored, case-insensitive pattern over a whole attribute value, whose only wildcard is
 * {@code *} (any run of characters, possibly empty). Matching is a left-to-right search of the
 * literal parts between stars, so its cost is at most the value's length times the pattern's:
 * no regular expressions, no backtracking blow-up.
 */
final class Glob {
    private final String[] parts;
    private final int literalChars;

    private Glob(String[] parts, int literalChars) {
        this.parts = parts;
        this.literalChars = literalChars;
    }

    /** Compiles a value from {@link DnText} in glob mode ({@link DnText#WILDCARD} marks each star). */
    static Glob of(String value) {
        String[] parts = fold(value).split(String.valueOf(DnText.WILDCARD), -1);
        int literal = 0;
        for (String part : parts) {
            literal += part.length();
        }
        return new Glob(parts, literal);
    }

    /** Case folding used on both sides of every comparison in this package. */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    /** True without a wildcard: the value must equal the pattern (ignoring case). */
    boolean exact() {
        return parts.length == 1;
    }

    /** Characters that are not wildcards. */
    int literalChars() {
        return literalChars;
    }

    /** Whether the whole of {@code foldedValue} (already {@link #fold folded}) matches. */
    boolean matches(String foldedValue) {
        String first = parts[0];
        if (parts.length == 1) {
            return foldedValue.equals(first);
        }
        String last = parts[parts.length - 1];
        if (foldedValue.length() < first.length() + last.length()
                || !foldedValue.startsWith(first) || !foldedValue.endsWith(last)) {
            return false;
        }
        int from = first.length();
        int end = foldedValue.length() - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = foldedValue.indexOf(parts[i], from);
            if (at < 0 || at + parts[i].length() > end) {
                return false;
            }
            from = at + parts[i].length();
        }
        return true;
    }
}
