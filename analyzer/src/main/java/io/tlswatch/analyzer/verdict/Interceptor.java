package io.tlswatch.analyzer.verdict;

import io.tlswatch.analyzer.verdict.catalogue.InterceptorClass;
import java.util.Objects;

/**
 * Who intercepted: a catalogue entry, a user's sanctioned CA, or an unknown forger named after the
 * CA it used.
 *
 * @param id the catalogue entry's id, or null for an interceptor known only by its CA's name
 */
public record Interceptor(InterceptorClass interceptorClass, String name, String id) {
    public Interceptor {
        Objects.requireNonNull(interceptorClass, "interceptorClass");
        Objects.requireNonNull(name, "name");
    }
}
