package io.tlswatch.dashboards.page;

/**
 * Makes JSON text safe to sit inside an HTML {@code <script>} element: {@code <}, {@code >} and
 * {@code &} become {@code \u003c}, {@code \u003e} and {@code \u0026}, so no string from the wire
 * can close the element ({@code </script>}) or open a comment ({@code <!--}) (HTML Living
 * Standard, "Restrictions for contents of script elements"); U+2028 and U+2029 become
 * {@code \u2028} and {@code \u2029}, which older JavaScript engines take for line ends. In valid
 * JSON these characters appear only inside strings, where the escapes mean the same characters, so
 * {@code JSON.parse} gives back exactly the data.
 */
public final class ScriptSafeJson {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ScriptSafeJson() {
    }

    public static String of(String json) {
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                out.append("\\u").append(HEX[c >>> 12]).append(HEX[(c >>> 8) & 0xf]).append(HEX[(c >>> 4) & 0xf])
                        .append(HEX[c & 0xf]);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
