package io.tlswatch.analyzer.verdict;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One rule's finding about a session: the rule's stable id, how much it weighs, the interceptor
 * it points to (if any), and the facts it saw, in the order the rule wrote them. Fact values may
 * come from the wire (certificate names): they are escaped where they are rendered.
 */
public record Evidence(String rule, Strength strength, Interceptor interceptor, Map<String, String> facts) {
    public Evidence {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(strength, "strength");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /** Starts the facts of a new piece of evidence, to be written in order. */
    public static Facts of() {
        return new Facts();
    }

    /** Ordered facts under construction. */
    public static final class Facts {
        private final Map<String, String> map = new LinkedHashMap<>();

        public Facts put(String name, Object value) {
            if (value != null) {
                map.put(name, String.valueOf(value));
            }
            return this;
        }

        public Evidence as(String rule, Strength strength, Interceptor interceptor) {
            return new Evidence(rule, strength, interceptor, map);
        }
    }
}
