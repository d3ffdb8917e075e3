package io.tlswatch.analyzer.x509;

import java.util.List;
import java.util.Objects;

/**
 * A subject or issuer name as ECS's {@code x509.subject.*} / {@code x509.issuer.*} fields want it.
 * Values are the strings as decoded from the certificate (attacker-controlled: escape on output),
 * in the certificate's order, each list bounded by {@link CertificateLimits}.
 *
 * @param distinguishedName the RFC 4514 string (last RDN first), e.g. {@code CN=a,O=b,C=KZ}
 * @param commonNames CN values (2.5.4.3)
 * @param organizations O values (2.5.4.10)
 * @param organizationalUnits OU values (2.5.4.11)
 * @param countries C values (2.5.4.6)
 * @param localities L values (2.5.4.7)
 * @param statesOrProvinces ST values (2.5.4.8)
 */
public record DistinguishedName(
        String distinguishedName,
        List<String> commonNames,
        List<String> organizations,
        List<String> organizationalUnits,
        List<String> countries,
        List<String> localities,
        List<String> statesOrProvinces) {

    public DistinguishedName {
        Objects.requireNonNull(distinguishedName, "distinguishedName");
        commonNames = List.copyOf(commonNames);
        organizations = List.copyOf(organizations);
        organizationalUnits = List.copyOf(organizationalUnits);
        countries = List.copyOf(countries);
        localities = List.copyOf(localities);
        statesOrProvinces = List.copyOf(statesOrProvinces);
    }
}
