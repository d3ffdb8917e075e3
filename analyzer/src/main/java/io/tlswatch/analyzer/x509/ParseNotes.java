package io.tlswatch.analyzer.x509;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The anomalies found while parsing one certificate, and the helpers that bound what we keep:
 * strings are cut to a length (never inside a surrogate pair) and cleaned of lone surrogates (not
 * Unicode: UTF-8 encoders replace them and strict JSON readers reject their escapes), lists stop at
 * a size. Each cut is noted. One per parse.
 */
final class ParseNotes {
    static final char REPLACEMENT = '\uFFFD';

    private final Set<CertificateAnomaly> anomalies = EnumSet.noneOf(CertificateAnomaly.class);

    void note(CertificateAnomaly anomaly) {
        anomalies.add(anomaly);
    }

    Set<CertificateAnomaly> anomalies() {
        return anomalies;
    }

    /** {@code raw} bounded to {@link CertificateLimits#MAX_TEXT_CHARS}. */
    String text(String raw) {
        return text(raw, CertificateLimits.MAX_TEXT_CHARS);
    }

    /** {@code raw} without lone surrogates and cut to {@code maxChars}. */
    String text(String raw, int maxChars) {
        String whole = withoutLoneSurrogates(raw);
        if (whole.length() <= maxChars) {
            return whole;
        }
        note(CertificateAnomaly.TEXT_TRUNCATED);
        int end = Character.isHighSurrogate(whole.charAt(maxChars - 1)) ? maxChars - 1 : maxChars;
        return whole.substring(0, end);
    }

    /** Adds {@code value} unless {@code list} already holds {@code max} entries; true if kept. */
    boolean add(List<String> list, String value, int max) {
        if (list.size() >= max) {
            note(CertificateAnomaly.LIST_TRUNCATED);
            return false;
        }
        list.add(value);
        return true;
    }

    private String withoutLoneSurrogates(String s) {
        StringBuilder fixed = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length()
                    && Character.isLowSurrogate(s.charAt(i + 1));
            if (pair) {
                if (fixed != null) {
                    fixed.append(c).append(s.charAt(i + 1));
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                if (fixed == null) {
                    fixed = new StringBuilder(s.length()).append(s, 0, i);
                }
                fixed.append(REPLACEMENT);
            } else if (fixed != null) {
                fixed.append(c);
            }
        }
        if (fixed == null) {
            return s;
        }
        note(CertificateAnomaly.INVALID_STRING_ENCODING);
        return fixed.toString();
    }
}
