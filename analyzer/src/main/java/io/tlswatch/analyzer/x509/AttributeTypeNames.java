package io.tlswatch.analyzer.x509;

import java.util.Map;

/**
 * Short names of name attribute types for distinguished-name strings: RFC 4514 section 3's
 * keywords plus the other registered descriptors, spelt as OpenSSL spells them, so our strings
 * equal {@code openssl x509 -nameopt RFC2253} and Zeek's x509.log. Types not listed are written as
 * dotted OIDs, as RFC 4514 section 2.3 requires.
 */
final class AttributeTypeNames {
    static final String COMMON_NAME = "2.5.4.3";
    static final String COUNTRY = "2.5.4.6";
    static final String LOCALITY = "2.5.4.7";
    static final String STATE_OR_PROVINCE = "2.5.4.8";
    static final String ORGANIZATION = "2.5.4.10";
    static final String ORGANIZATIONAL_UNIT = "2.5.4.11";

    private static final Map<String, String> NAMES = Map.ofEntries(
            // RFC 4514 section 3
            Map.entry(COMMON_NAME, "CN"),
            Map.entry(LOCALITY, "L"),
            Map.entry(STATE_OR_PROVINCE, "ST"),
            Map.entry(ORGANIZATION, "O"),
            Map.entry(ORGANIZATIONAL_UNIT, "OU"),
            Map.entry(COUNTRY, "C"),
            Map.entry("2.5.4.9", "street"),
            Map.entry("0.9.2342.19200300.100.1.25", "DC"),
            Map.entry("0.9.2342.19200300.100.1.1", "UID"),
            // RFC 4519 / PKCS #9 / CA/Browser Forum descriptors, OpenSSL spelling
            Map.entry("2.5.4.4", "SN"),
            Map.entry("2.5.4.5", "serialNumber"),
            Map.entry("2.5.4.12", "title"),
            Map.entry("2.5.4.13", "description"),
            Map.entry("2.5.4.15", "businessCategory"),
            Map.entry("2.5.4.16", "postalAddress"),
            Map.entry("2.5.4.17", "postalCode"),
            Map.entry("2.5.4.18", "postOfficeBox"),
            Map.entry("2.5.4.41", "name"),
            Map.entry("2.5.4.42", "GN"),
            Map.entry("2.5.4.43", "initials"),
            Map.entry("2.5.4.44", "generationQualifier"),
            Map.entry("2.5.4.46", "dnQualifier"),
            Map.entry("2.5.4.65", "pseudonym"),
            Map.entry("2.5.4.97", "organizationIdentifier"),
            Map.entry("1.2.840.113549.1.9.1", "emailAddress"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.1", "jurisdictionL"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.2", "jurisdictionST"),
            Map.entry("1.3.6.1.4.1.311.60.2.1.3", "jurisdictionC"));

    private AttributeTypeNames() {
    }

    /** The short name for a dotted OID, or the OID itself. */
    static String of(String oid) {
        return NAMES.getOrDefault(oid, oid);
    }
}
