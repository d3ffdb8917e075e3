package io.tlswatch.analyzer.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprints in a suricata-verify {@code test.yaml}: its {@code checks} are filters over
 * Suricata's EVE records, each a {@code match} map of field to value and a {@code count} of records
 * that must match; a filter matching {@code tls.ja3.hash: "..."} with {@code count: 2} publishes
 * that JA3 twice. The fields read are {@code tls.}/{@code quic.} followed by {@code ja3.hash},
 * {@code ja3.string}, {@code ja3s.hash}, {@code ja3s.string}, {@code ja4}.
 *
 * <p>A purpose-built reader, not a YAML parser: it knows the block layout suricata-verify writes
 * ("- filter:", its keys one indentation deeper, "match:" with its map deeper still) and quoted or
 * bare scalar values, which is all these files use.
 */
final class SuricataChecks {
    private static final Pattern FIELD = Pattern.compile("(tls|quic)\\.(ja3|ja3s)\\.(hash|string)|(tls|quic)\\.ja4");
    private static final Pattern KEY_VALUE = Pattern.compile("([^:\\s][^:]*):\\s*(.*)");

    private SuricataChecks() {
    }

    static List<PublishedFingerprint> fingerprints(List<String> yaml, String where) {
        List<PublishedFingerprint> out = new ArrayList<>();
        for (Filter filter : filters(yaml)) {
            for (Map.Entry<String, String> e : filter.match.entrySet()) {
                if (!Fingerprint.looksLikeOne(e.getKey())) {
                    continue;
                }
                Fingerprint kind = kind(e.getKey(), where);
                for (int i = 0; i < filter.count; i++) {
                    out.add(new PublishedFingerprint("suricata-verify", kind, e.getValue()));
                }
            }
        }
        return out;
    }

    private static Fingerprint kind(String field, String where) {
        Matcher m = FIELD.matcher(field);
        if (!m.matches()) {
            throw new IllegalStateException(where + ": a fingerprint field this test does not know: " + field);
        }
        if (m.group(4) != null) {
            return Fingerprint.JA4;
        }
        boolean server = m.group(2).equals("ja3s");
        boolean text = m.group(3).equals("string");
        return server ? (text ? Fingerprint.JA3S_STRING : Fingerprint.JA3S) : (text ? Fingerprint.JA3_STRING : Fingerprint.JA3);
    }

    /** A filter's match map and count (1 when the filter gives none). */
    private static final class Filter {
        final Map<String, String> match = new LinkedHashMap<>();
        int count = 1;
    }

    private static List<Filter> filters(List<String> yaml) {
        List<Filter> filters = new ArrayList<>();
        Filter filter = null;
        int filterIndent = 0;
        int matchIndent = -1;
        for (String line : yaml) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int indent = line.indexOf(trimmed.charAt(0));
            if (trimmed.startsWith("- filter:")) {
                filter = new Filter();
                filters.add(filter);
                filterIndent = indent;
                matchIndent = -1;
                continue;
            }
            if (filter == null) {
                continue;
            }
            if (indent <= filterIndent) {
                filter = null;
                continue;
            }
            if (matchIndent >= 0 && indent > matchIndent) {
                Matcher kv = KEY_VALUE.matcher(trimmed);
                if (kv.matches()) {
                    filter.match.put(kv.group(1).strip(), unquote(kv.group(2).strip()));
                }
                continue;
            }
            matchIndent = -1;
            if (trimmed.equals("match:")) {
                matchIndent = indent;
            } else if (trimmed.startsWith("count:")) {
                filter.count = Integer.parseInt(trimmed.substring("count:".length()).strip());
            }
        }
        return filters;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
