package io.tlswatch.analyzer.x509.trust;

import java.util.Locale;

/** Why an entry of a PEM bundle (RFC 7468) was skipped while loading a {@link TrustStore}. */
public enum PemEntryProblem {
    NOT_A_CERTIFICATE_BLOCK("a PEM block of another type than CERTIFICATE (RFC 7468 section 5.1)"),
    UNTERMINATED("a BEGIN line without its END line"),
    NOT_BASE64("the block's body is not base64"),
    NOT_A_CERTIFICATE("the block's bytes do not parse as an X.509 certificate"),
    DUPLICATE("the same certificate was already loaded"),
    TOO_MANY_ENTRIES("more blocks than TrustLimits.MAX_PEM_ENTRIES; the rest were not read");

    private final String description;

    PemEntryProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
