package io.tlswatch.dashboards.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * The prevalence page's parts, read from the class path: the HTML template, its style sheet and
 * script (this package's resources), and Chart.js from its webjar (the version the build resolved,
 * read from the webjar's Maven properties).
 */
public final class PageResources {
    private static final String OWN = "/io/tlswatch/dashboards/page/";
    private static final String CHART_JS_PROPERTIES = "/META-INF/maven/org.webjars.npm/chart.js/pom.properties";

    private PageResources() {
    }

    /** report.html, with its {@code <!-- tlswatch:... -->} markers. */
    public static String template() {
        return read(OWN + "report.html");
    }

    public static String style() {
        return read(OWN + "prevalence.css");
    }

    /** The page's own script, which renders the report data. */
    public static String pageScript() {
        return read(OWN + "prevalence.js");
    }

    /** The live dashboard's script: fetches the data, filters, drill-down. */
    public static String dashboardScript() {
        return read(OWN + "dashboard.js");
    }

    /** The live dashboard's additions to the style sheet. */
    public static String dashboardStyle() {
        return read(OWN + "dashboard.css");
    }

    /** Chart.js's UMD build, minified. */
    public static String chartLibrary() {
        return read("/META-INF/resources/webjars/chart.js/" + chartLibraryVersion() + "/dist/chart.umd.min.js");
    }

    public static String chartLibraryVersion() {
        Properties p = new Properties();
        try (InputStream in = open(CHART_JS_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + CHART_JS_PROPERTIES, e);
        }
        return p.getProperty("version");
    }

    private static String read(String resource) {
        try (InputStream in = open(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = PageResources.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException(resource + " is missing from the class path (a build problem)");
        }
        return in;
    }
}
