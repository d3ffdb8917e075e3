package io.tlswatch.dashboards.indexer;

import java.util.regex.Pattern;

/**
 * The names the indexer reads and writes: the analyzer's topics ({@code <prefix>.<kind plural>},
 * as the analyzer's Kafka sink names them), the Elasticsearch target of each
 * ({@code tlswatch-<kind plural>}: a data stream, or an index for certificates, as the templates
 * say) and the dead-letter topic ({@code <prefix>.deadletter}). The indexer subscribes to every
 * topic under the prefix but the dead letters, so a new kind of document is indexed without code
 * here.
 */
public final class IndexTopics {
    /** The Elasticsearch names' prefix; the templates match it. */
    public static final String INDEX_PREFIX = "tlswatch-";
    /** The suffix of the dead-letter topic. */
    public static final String DEAD_LETTER = "deadletter";

    private final String prefix;

    public IndexTopics(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("a topic prefix is 1 to 200 of A-Z a-z 0-9 . _ -, not " + prefix);
        }
        this.prefix = prefix;
    }

    /** The analyzer's topics under the prefix, but the dead letters. */
    public Pattern subscription() {
        return Pattern.compile(Pattern.quote(prefix + ".") + "(?!" + DEAD_LETTER + "$)[a-z][a-z0-9_]*");
    }

    /** Where a topic's documents go in Elasticsearch. */
    public String target(String topic) {
        return INDEX_PREFIX + topic.substring(prefix.length() + 1);
    }

    public String deadLetterTopic() {
        return prefix + "." + DEAD_LETTER;
    }

    /** The topic of one kind ({@code sessions}, {@code certificates}, {@code rollups}, {@code stats}). */
    public String topic(String kindPlural) {
        return prefix + "." + kindPlural;
    }
}
