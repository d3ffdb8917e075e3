package io.tlswatch.dashboards.live;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parameters of a URL's query ({@code a=1&b=two}, form-urlencoded as browsers send a GET
 * form; WHATWG URL Standard, "application/x-www-form-urlencoded parsing"), bounded: a query longer
 * than {@link #MAX_LENGTH} characters or with more than {@link #MAX_PARAMETERS} parameters is
 * refused, and of a repeated name the first value counts.
 */
public final class QueryString {
    public static final int MAX_LENGTH = 4096;
    public static final int MAX_PARAMETERS = 32;

    private QueryString() {
    }

    /** The parameters of {@code rawQuery} (may be null), or empty when it is over the bounds or badly encoded. */
    public static Optional<Map<String, String>> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.of(out);
        }
        if (rawQuery.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int count = 0;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                return Optional.empty();
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(name, value);
            } catch (IllegalArgumentException badEscape) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }
}
