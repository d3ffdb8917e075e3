package io.tlswatch.analyzer.verdict.catalogue;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled {@code issuer} pattern: attribute tests that must all hold of one name.
 *
 * <p>Written like an RFC 4514 name, {@code CN=FortiGate CA, O=Fortinet}: each {@code TYPE=value}
 * (types CN, O, OU, C, L, ST) holds when the name has that attribute with a value the
 * {@link Glob} matches, as a whole and ignoring case, {@code *} standing for any run of
 * characters. Other attributes of the name, and the order, do not matter. A pattern must test CN,
 * O or OU (a country alone names no interceptor) and every glob with a star must keep
 * {@link CatalogueLimits#MIN_GLOB_LITERAL_CHARS} literal characters. Commas, plus signs and stars
 * inside a value are escaped RFC 4514 style: {@code O=Superfish\, Inc.}, {@code \*}.
 */
final class NamePattern {
    private final String text;
    private final List<NameAttribute> attributes;
    private final List<Glob> globs;

    private NamePattern(String text, List<NameAttribute> attributes, List<Glob> globs) {
        this.text = text;
        this.attributes = attributes;
        this.globs = globs;
    }

    /**
     * Compiles {@code text}.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a valid pattern
     */
    static NamePattern compile(String text) {
        List<DnText.Attribute> parsed = parse(text, true);
        List<NameAttribute> attributes = new ArrayList<>();
        List<Glob> globs = new ArrayList<>();
        boolean identifying = false;
        for (DnText.Attribute a : parsed) {
            NameAttribute attribute = NameAttribute.ofType(a.type());
            if (attribute == null) {
                throw new IllegalArgumentException("issuer patterns test CN, O, OU, C, L and ST, not " + a.type()
                        + " (use issuer_dn to give a whole name)");
            }
            Glob glob = Glob.of(a.value());
            if (!glob.exact() && glob.literalChars() < CatalogueLimits.MIN_GLOB_LITERAL_CHARS) {
                throw new IllegalArgumentException(a.type() + " glob keeps fewer than "
                        + CatalogueLimits.MIN_GLOB_LITERAL_CHARS + " literal characters: it would match far too much");
            }
            identifying |= attribute.identifying();
            attributes.add(attribute);
            globs.add(glob);
        }
        if (!identifying) {
            throw new IllegalArgumentException("a name pattern must test CN, O or OU");
        }
        return new NamePattern(text, List.copyOf(attributes), List.copyOf(globs));
    }

    /**
     * The {@link DnKey} of a whole name for {@code issuer_dn}: exact, any attribute type, no wildcard.
     *
     * @throws IllegalArgumentException with a one-line reason when it is not a valid name
     */
    static String wholeNameKey(String text) {
        List<DnText.Attribute> parsed = parse(text, false);
        boolean identifying = false;
        for (DnText.Attribute a : parsed) {
            NameAttribute attribute = NameAttribute.ofType(a.type());
            identifying |= attribute != null && attribute.identifying();
        }
        if (!identifying) {
            throw new IllegalArgumentException("a name must hold CN, O or OU");
        }
        return DnKey.of(parsed);
    }

    private static List<DnText.Attribute> parse(String text, boolean glob) {
        if (text.length() > CatalogueLimits.MAX_PATTERN_CHARS) {
            throw new IllegalArgumentException("name longer than " + CatalogueLimits.MAX_PATTERN_CHARS + " characters");
        }
        List<DnText.Attribute> parsed = DnText.parse(text, glob);
        if (parsed == null) {
            throw new IllegalArgumentException("not an RFC 4514 name (TYPE=value, comma-separated; escape , + \\ with \\)");
        }
        for (DnText.Attribute a : parsed) {
            if (a.value().isEmpty()) {
                throw new IllegalArgumentException("empty value for " + a.type());
            }
        }
        return parsed;
    }

    /** The pattern as written in the catalogue. */
    String text() {
        return text;
    }

    boolean matches(FoldedName name) {
        for (int i = 0; i < attributes.size(); i++) {
            if (!anyMatches(globs.get(i), name.values(attributes.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static boolean anyMatches(Glob glob, List<String> foldedValues) {
        for (String value : foldedValues) {
            if (glob.matches(value)) {
                return true;
            }
        }
        return false;
    }
}
