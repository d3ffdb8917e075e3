package io.tlswatch.dashboards.live;

import com.sun.net.httpserver.Headers;

/**
 * The headers every dashboard response carries, whatever its status: the page's
 * Content-Security-Policy (its own scripts by hash, requests to its own origin, no framing:
 * {@code frame-ancestors 'none'}), {@code X-Content-Type-Options: nosniff} (a JSON answer is never
 * run as a script or shown as HTML), {@code X-Frame-Options: DENY} for browsers without CSP 2,
 * {@code Referrer-Policy: no-referrer} (the URL holds the filter), and {@code Cache-Control:
 * no-store} (findings are not for shared caches).
 */
final class SecurityHeaders {
    private SecurityHeaders() {
    }

    static void apply(Headers headers, String contentSecurityPolicy) {
        headers.set("Content-Security-Policy", contentSecurityPolicy);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "no-referrer");
        headers.set("Cache-Control", "no-store");
        headers.set("Cross-Origin-Opener-Policy", "same-origin");
        headers.set("Cross-Origin-Resource-Policy", "same-origin");
    }
}
