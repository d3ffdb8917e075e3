package io.tlswatch.analyzer.x509;

/**
 * Why this package catches {@link RuntimeException} around Bouncy Castle calls, and only there.
 *
 * <p>Bouncy Castle's {@code getInstance} factories and accessors report malformed input with
 * whatever unchecked exception the failing step raises: {@code IllegalArgumentException} mostly,
 * but also {@code IllegalStateException}, {@code ClassCastException},
 * {@code ArrayIndexOutOfBoundsException} and {@code ArithmeticException}. Certificates are hostile
 * input and our contract is that parsing never throws, so each place where Bouncy Castle decodes a
 * hostile sub-structure (the certificate, one extension, the public key, a time, signature
 * parameters) is a boundary: it catches {@code RuntimeException}, records a named
 * {@link CertificateParseError} or {@link CertificateAnomaly}, and the parse goes on with what it
 * has. Nothing is swallowed silently, and errors ({@code StackOverflowError} and the like) are not
 * caught: {@link DerStructure} bounds the nesting that could cause them before Bouncy Castle runs.
 */
final class BouncyCastleFailures {
    private static final int MAX_DETAIL_CHARS = 200;

    private BouncyCastleFailures() {
    }

    /** A short, bounded description of {@code failure} (whose message may quote input) for a detail. */
    static String describe(Throwable failure) {
        String message = failure.getMessage();
        String text = failure.getClass().getSimpleName() + (message != null ? ": " + message : "");
        return new ParseNotes().text(text, MAX_DETAIL_CHARS);
    }
}
