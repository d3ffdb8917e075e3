package io.tlswatch.analyzer.verdict.catalogue;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an RFC 4514 distinguished name string (section 3) into its attributes, in the order
 * written: both the names our X.509 parser prints and the ones users copy from OpenSSL
 * ({@code CN = a, O = b}). One pass, no backtracking, so a hostile name costs its length.
 *
 * <p>Accepted: {@code type=value} pairs separated by {@code ,} or {@code +} (a multi-valued RDN is
 * flattened), spaces around types, {@code =} and separators, the escapes of section 2.4
 * ({@code \,} {@code \+} {@code \"} {@code \\} {@code \<} {@code \>} {@code \;} {@code \=}
 * {@code \#} {@code \ } and {@code \XX} hex bytes, UTF-8), and values in the {@code #hex} form kept
 * as written. Types are upper-cased, OIDs of the common attributes and the aliases {@code S},
 * {@code E} and {@code EMAIL} are given their short names. In glob mode an unescaped {@code *} is a
 * wildcard, returned as {@link #WILDCARD}, and {@code \*} a literal star.
 */
final class DnText {
    /** Stands for an unescaped {@code *} in glob mode (a private-use character). */
    static final char WILDCARD = '\uE000';

    private static final String ESCAPABLE = ",+\"\\<>;=# *";
    private static final Map<String, String> TYPE_ALIASES = Map.ofEntries(
            Map.entry("2.5.4.3", "CN"), Map.entry("2.5.4.6", "C"), Map.entry("2.5.4.7", "L"),
            Map.entry("2.5.4.8", "ST"), Map.entry("2.5.4.10", "O"), Map.entry("2.5.4.11", "OU"),
            Map.entry("S", "ST"), Map.entry("E", "EMAILADDRESS"), Map.entry("EMAIL", "EMAILADDRESS"),
            Map.entry("1.2.840.113549.1.9.1", "EMAILADDRESS"));

    /** One attribute: the upper-cased type and the unescaped value. */
    record Attribute(String type, String value) {
    }

    private final String text;
    private final boolean glob;
    private int pos;

    private DnText(String text, boolean glob) {
        this.text = text;
        this.glob = glob;
    }

    /** The attributes of {@code text} in order, or null when it is not an RFC 4514 name. */
    static List<Attribute> parse(String text, boolean glob) {
        if (glob && text.indexOf(WILDCARD) >= 0) {
            return null;
        }
        return new DnText(text, glob).attributes();
    }

    private List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        skipSpaces();
        if (pos == text.length()) {
            return null;
        }
        while (true) {
            String type = type();
            if (type == null) {
                return null;
            }
            String value = value();
            if (value == null) {
                return null;
            }
            out.add(new Attribute(type, value));
            if (pos == text.length()) {
                return out;
            }
            pos++; // the ',' or '+' that ended the value
            skipSpaces();
        }
    }

    private String type() {
        int start = pos;
        while (pos < text.length() && isTypeChar(text.charAt(pos))) {
            pos++;
        }
        String type = text.substring(start, pos).toUpperCase(Locale.ROOT);
        skipSpaces();
        if (type.isEmpty() || pos == text.length() || text.charAt(pos) != '=') {
            return null;
        }
        pos++;
        skipSpaces();
        return TYPE_ALIASES.getOrDefault(type, type);
    }

    private String value() {
        StringBuilder out = new StringBuilder();
        ByteBuffer pending = ByteBuffer.allocate(text.length() - pos);
        int kept = 0; // length of out without trailing unescaped spaces
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ',' || c == '+') {
                break;
            }
            if (c == '\\' && pos + 2 < text.length() && isHex(text.charAt(pos + 1)) && isHex(text.charAt(pos + 2))) {
                pending.put((byte) (Character.digit(text.charAt(pos + 1), 16) << 4 | Character.digit(text.charAt(pos + 2), 16)));
                pos += 3;
                continue;
            }
            int decoded = flush(pending, out);
            if (decoded < 0) {
                return null;
            }
            kept = decoded > 0 ? out.length() : kept;
            if (c == '\\') {
                if (pos + 1 >= text.length() || ESCAPABLE.indexOf(text.charAt(pos + 1)) < 0) {
                    return null;
                }
                out.append(text.charAt(pos + 1));
                kept = out.length();
                pos += 2;
                continue;
            }
            out.append(glob && c == '*' ? WILDCARD : c);
            kept = c == ' ' ? kept : out.length();
            pos++;
        }
        int decoded = flush(pending, out);
        if (decoded < 0) {
            return null;
        }
        return out.substring(0, decoded > 0 ? out.length() : kept);
    }

    /**
     * Decodes the hex-escaped bytes gathered so far as one UTF-8 sequence onto {@code out}: the
     * number of characters added, or -1 when they are not UTF-8.
     */
    private static int flush(ByteBuffer pending, StringBuilder out) {
        if (pending.position() == 0) {
            return 0;
        }
        pending.flip();
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(pending);
            out.append(chars);
            pending.clear();
            return chars.length();
        } catch (CharacterCodingException e) {
            return -1;
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }

    private static boolean isTypeChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 128;
    }
}
