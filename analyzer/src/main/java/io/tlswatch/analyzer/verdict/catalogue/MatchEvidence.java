package io.tlswatch.analyzer.verdict.catalogue;

import java.util.Objects;

/**
 * One reason a catalogue entry matched a chain: the certificate (by position in the Certificate
 * message and by SHA-256), the field, the value found there and the catalogue pattern it
 * matched. Values are attacker-controlled text: escape them on output.
 *
 * @param chainIndex position in the chain as sent, 0 for the server's own certificate
 * @param certificateSha256 lowercase hex SHA-256 of that certificate's DER
 * @param field which fact matched
 * @param value the certificate's value: the hash, or the RFC 4514 name
 * @param pattern what the catalogue holds: the same hash, or the name pattern as written
 */
public record MatchEvidence(int chainIndex, String certificateSha256, MatchedField field, String value,
        String pattern) {

    public MatchEvidence {
        Objects.requireNonNull(certificateSha256, "certificateSha256");
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(pattern, "pattern");
    }
}
