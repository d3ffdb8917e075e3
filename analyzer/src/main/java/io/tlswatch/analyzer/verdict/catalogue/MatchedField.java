package io.tlswatch.analyzer.verdict.catalogue;

/** Which fact of a chain certificate a catalogue entry matched. */
public enum MatchedField {
    /** SHA-256 of the certificate's DER. */
    CERT_SHA256("cert_sha256"),
    /** SHA-256 of the DER SubjectPublicKeyInfo (the key browsers block, RFC 7469 section 2.4). */
    SPKI_SHA256("spki_sha256"),
    /** The certificate's issuer name. */
    ISSUER("issuer"),
    /** The certificate's subject name (only for certificates after the first: CAs, not the site). */
    SUBJECT("subject");

    private final String jsonName;

    MatchedField(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in evidence records, e.g. {@code spki_sha256}. */
    public String jsonName() {
        return jsonName;
    }
}
