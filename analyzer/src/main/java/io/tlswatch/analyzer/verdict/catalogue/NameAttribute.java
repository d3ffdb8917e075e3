package io.tlswatch.analyzer.verdict.catalogue;

import io.tlswatch.analyzer.x509.DistinguishedName;
import java.util.List;
import java.util.function.Function;

/** The name attributes an {@code issuer} pattern may test, each read from a {@link DistinguishedName}. */
enum NameAttribute {
    CN(DistinguishedName::commonNames),
    O(DistinguishedName::organizations),
    OU(DistinguishedName::organizationalUnits),
    C(DistinguishedName::countries),
    L(DistinguishedName::localities),
    ST(DistinguishedName::statesOrProvinces);

    private final Function<DistinguishedName, List<String>> values;

    NameAttribute(Function<DistinguishedName, List<String>> values) {
        this.values = values;
    }

    List<String> valuesOf(DistinguishedName name) {
        return values.apply(name);
    }

    /** True for the attributes that say who runs a CA (a pattern needs one of them). */
    boolean identifying() {
        return this == CN || this == O || this == OU;
    }

    /** The attribute with this upper-cased RFC 4514 type, or null. */
    static NameAttribute ofType(String type) {
        for (NameAttribute a : values()) {
            if (a.name().equals(type)) {
                return a;
            }
        }
        return null;
    }
}
