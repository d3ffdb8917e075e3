package io.tlswatch.analyzer.rollup;

import io.tlswatch.analyzer.verdict.Verdict;
import java.util.Locale;

/**
 * Which session documents are written ({@code --sessions}); rollups count every session whatever
 * this says, so prevalence stays exact.
 */
public enum SessionSelection {
    /** Every session. */
    ALL,
    /** Only sessions judged intercepted or suspected. */
    SUSPICIOUS,
    /** No session documents: certificates and rollups only. */
    NONE;

    /** Whether a session with this verdict is written. */
    public boolean writes(Verdict verdict) {
        return switch (this) {
            case ALL -> true;
            case SUSPICIOUS -> verdict == Verdict.INTERCEPTED || verdict == Verdict.SUSPECTED;
            case NONE -> false;
        };
    }

    /** all, suspicious or none (any case). */
    public static SessionSelection parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }
}
