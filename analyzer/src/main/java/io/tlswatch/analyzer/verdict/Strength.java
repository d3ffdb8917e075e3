package io.tlswatch.analyzer.verdict;

/** How much a piece of evidence weighs in the verdict. */
public enum Strength {
    /** Enough on its own: the session is {@link Verdict#INTERCEPTED}. */
    DECISIVE("decisive"),
    /** Points to interception: the session is at least {@link Verdict#SUSPECTED}. */
    SUSPICIOUS("suspicious"),
    /** Explains what was seen without pointing to interception (a device's self-signed certificate). */
    INFORMATIVE("informative");

    private final String jsonName;

    Strength(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
