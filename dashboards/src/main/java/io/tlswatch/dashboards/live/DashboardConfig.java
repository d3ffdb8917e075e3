package io.tlswatch.dashboards.live;

/**
 * How the dashboard server runs: the Elasticsearch it reads, the address and port it listens on
 * ({@link #DEFAULT_BIND}: loopback, so nothing but this machine sees it unless asked), and the
 * access token every request must carry, or null for none.
 */
public record DashboardConfig(String elasticsearchUrl, String bind, int port, AccessToken token) {
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;

    public DashboardConfig {
        if (elasticsearchUrl == null || elasticsearchUrl.isBlank()) {
            throw new IllegalArgumentException("an Elasticsearch URL is required");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the port must be 0 to 65535");
        }
        bind = bind == null || bind.isBlank() ? DEFAULT_BIND : bind;
    }
}
