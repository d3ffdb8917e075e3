package io.tlswatch.analyzer.verdict;

/** What tlswatch concludes about one session, as {@code tlswatch.verdict} names it. */
public enum Verdict {
    /** Decisive evidence that a middlebox forged the server's certificate. */
    INTERCEPTED("intercepted"),
    /** Evidence that points to interception without proving it. */
    SUSPECTED("suspected"),
    /** The certificate was seen and nothing points to interception. */
    CLEAN("clean"),
    /** No certificate was seen (TLS 1.3, resumption, a capture that missed it) and no other evidence. */
    NOT_OBSERVABLE("not_observable");

    private final String jsonName;

    Verdict(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
