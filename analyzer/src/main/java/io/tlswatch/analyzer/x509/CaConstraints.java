package io.tlswatch.analyzer.x509;

/**
 * The basicConstraints extension (RFC 5280 section 4.2.1.9).
 *
 * @param ca whether the subject is a CA
 * @param pathLength pathLenConstraint, null when absent (or beyond an int)
 */
public record CaConstraints(boolean ca, Integer pathLength) {
}
