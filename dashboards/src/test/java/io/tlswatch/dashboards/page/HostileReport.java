package io.tlswatch.dashboards.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Report data written by hand as the analyzer's ReportJson writes it, for a lab capture where an
 * unknown interceptor's CA name, a certificate subject, server names, the sensor and an input's
 * name carry HTML and script: each payload would set {@code window.__pwned} if it ran.
 */
final class HostileReport {
    static final String SNI = "<script>window.__pwned='sni'</script>";
    static final String SUBJECT = "CN=<img src=x onerror=\"window.__pwned='subject'\">";
    static final String FORGER = "CN=<img src=x onerror=\"window.__pwned='interceptor'\">,O=Evil & Co";
    static final String SNI_WITH_LINE_SEPARATOR = "\u2028</script><img/src=x/onerror=window.__pwned='sni2'>";

    private HostileReport() {
    }

    static String json() {
        try (InputStream in = HostileReport.class.getResourceAsStream("hostile-report.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
