package io.tlswatch.analyzer.verdict.catalogue;

import io.tlswatch.analyzer.x509.DistinguishedName;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One certificate name prepared for matching, once per name: the case-folded values of each
 * {@link NameAttribute}, and the {@link DnKey} of the whole name (null when its RFC 4514 string
 * does not read back, e.g. cut at the parser's bound).
 */
final class FoldedName {
    private final Map<NameAttribute, List<String>> values = new EnumMap<>(NameAttribute.class);
    private final String text;
    private final String key;

    private FoldedName(DistinguishedName name) {
        for (NameAttribute attribute : NameAttribute.values()) {
            List<String> folded = new ArrayList<>();
            for (String value : attribute.valuesOf(name)) {
                folded.add(Glob.fold(value));
            }
            values.put(attribute, folded);
        }
        text = name.distinguishedName();
        List<DnText.Attribute> attributes = DnText.parse(text, false);
        key = attributes == null ? null : DnKey.of(attributes);
    }

    static FoldedName of(DistinguishedName name) {
        return new FoldedName(name);
    }

    List<String> values(NameAttribute attribute) {
        return values.get(attribute);
    }

    /** The RFC 4514 string as the certificate parser wrote it. */
    String text() {
        return text;
    }

    /** The whole-name key, or null. */
    String key() {
        return key;
    }
}
