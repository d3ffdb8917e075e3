package io.tlswatch.dashboards.live;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Whether a request may be served, when the dashboard has an {@link AccessToken}. The token is
 * presented in one of three ways: once as {@code ?token=TOKEN} in a link (the answer sets the
 * cookie {@value #COOKIE} — HttpOnly, SameSite=Strict — and redirects to the same address
 * without the token, so it does not stay in the address bar or the history), then by that cookie,
 * or by {@code Authorization: Bearer TOKEN} (scripts, curl).
 */
final class RequestAuthorization {
    static final String COOKIE = "tlswatch_token";
    private static final java.util.regex.Pattern SAFE_PATH = java.util.regex.Pattern.compile("/[A-Za-z0-9/_.-]{0,200}");

    enum Outcome { ALLOWED, REFUSED, REDIRECTED }

    private final AccessToken token;

    RequestAuthorization(AccessToken token) {
        this.token = token;
    }

    Outcome check(HttpExchange exchange, Map<String, String> parameters) throws IOException {
        if (token == null) {
            return Outcome.ALLOWED;
        }
        String inQuery = parameters.get("token");
        if (inQuery != null) {
            if (!token.matches(inQuery)) {
                return Outcome.REFUSED;
            }
            exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + URLEncoder.encode(inQuery, StandardCharsets.UTF_8)
                    + "; Path=/; HttpOnly; SameSite=Strict");
            exchange.getResponseHeaders().set("Location", samePath(exchange.getRequestURI().getRawPath())
                    + withoutToken(parameters));
            DashboardServer.send(exchange, 303, "text/plain", "");
            return Outcome.REDIRECTED;
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && token.matches(authorization.substring(7).strip())) {
            return Outcome.ALLOWED;
        }
        return token.matches(cookie(exchange.getRequestHeaders().getFirst("Cookie"))) ? Outcome.ALLOWED : Outcome.REFUSED;
    }

    /** The path to send the browser back to: the request's, when it is plainly one of ours, else the page. */
    private static String samePath(String rawPath) {
        return rawPath != null && SAFE_PATH.matcher(rawPath).matches() ? rawPath : "/";
    }

    private static String withoutToken(Map<String, String> parameters) {
        String rest = parameters.entrySet().stream().filter(e -> !e.getKey().equals("token"))
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return rest.isEmpty() ? "" : "?" + rest;
    }

    /** The value of our cookie in a {@code Cookie} header (RFC 6265, section 5.4), or null. */
    static String cookie(String header) {
        if (header == null || header.length() > 8192) {
            return null;
        }
        for (String pair : header.split(";")) {
            String p = pair.strip();
            if (p.startsWith(COOKIE + "=")) {
                try {
                    return java.net.URLDecoder.decode(p.substring(COOKIE.length() + 1), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException badEscape) {
                    return null;
                }
            }
        }
        return null;
    }
}
