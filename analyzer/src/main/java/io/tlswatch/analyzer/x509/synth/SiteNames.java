package io.tlswatch.analyzer.x509.synth;

/**
 * Names of the synthetic sites, one per index and never two alike: a registered domain under the
 * example zones reserved by RFC 2606 ("news-3.example.net"), and the host a client asks for in it
 * ("www.news-3.example.net"), which the site's certificate covers with a wildcard.
 */
final class SiteNames {
    private static final String[] WORDS = {
        "news", "shop", "mail", "cloud", "video", "bank", "maps", "media", "travel", "weather",
        "sports", "market", "health", "photos", "music", "games", "books", "jobs", "auto", "food",
    };
    private static final String[] HOSTS = {"www", "api", "cdn", "static", "m", "app", "img"};
    private static final String[] ZONES = {"example.com", "example.net", "example.org"};

    private SiteNames() {
    }

    /** The registered domain of site {@code index}: its certificate's subject and first alternative name. */
    static String domain(int index) {
        int round = index / WORDS.length;
        return WORDS[index % WORDS.length] + "-" + round + "." + ZONES[round % ZONES.length];
    }

    /** The host clients ask for. */
    static String host(int index) {
        return HOSTS[(index / 3) % HOSTS.length] + "." + domain(index);
    }
}
