package io.tlswatch.analyzer.output.kafka;

import io.tlswatch.analyzer.output.DocumentKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * Which topic each kind of document goes to: the prefix, a dot, and the kind in the plural
 * ({@code tlswatch.sessions}, {@code tlswatch.certificates}, {@code tlswatch.rollups},
 * {@code tlswatch.stats}), so a new kind gets its topic without code here.
 */
public final class KafkaTopics {
    /** The prefix when none is given. */
    public static final String DEFAULT_PREFIX = "tlswatch";

    private final String prefix;
    private final Map<DocumentKind, String> topics = new EnumMap<>(DocumentKind.class);

    public KafkaTopics(String prefix) {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("a topic prefix is 1 to 200 of A-Z a-z 0-9 . _ -, not " + prefix);
        }
        this.prefix = prefix;
        for (DocumentKind kind : DocumentKind.values()) {
            topics.put(kind, prefix + "." + plural(kind.eventKind()));
        }
    }

    /** The topic of a kind of document. */
    public String topic(DocumentKind kind) {
        return topics.get(kind);
    }

    public String prefix() {
        return prefix;
    }

    /** English plural of a kind's name, as far as our kinds need: "stats" stays, others take an s. */
    static String plural(String kind) {
        return kind.endsWith("s") ? kind : kind + "s";
    }
}
