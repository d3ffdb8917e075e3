package io.tlswatch.dashboards.page;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A script to be inlined into a page between {@code <script>} and {@code </script>}: its text
 * without a trailing source-map comment (the page loads nothing), checked to hold nothing that
 * would end the element early or change how HTML parses it ({@code </script}, {@code <!--}), and
 * its hash for the page's Content-Security-Policy (CSP Level 3, "hash-source"), which lets these
 * scripts run and nothing else: no inline event handler, no injected script.
 */
public final class InlineScript {
    private static final Pattern SOURCE_MAP = Pattern.compile("\\n?//# sourceMappingURL=[^\\n]*\\s*$");

    private final String text;

    private InlineScript(String text) {
        this.text = text;
    }

    /**
     * The script {@code source}; throws {@link IllegalArgumentException} when it holds
     * {@code </script} or {@code <!--} (our own resources: a build mistake, never input).
     */
    public static InlineScript of(String name, String source) {
        String text = SOURCE_MAP.matcher(source).replaceFirst("\n");
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.contains("</script") || lower.contains("<!--")) {
            throw new IllegalArgumentException(name + " cannot be inlined: it holds </script or <!--");
        }
        return new InlineScript(text);
    }

    /** The scripts as {@code <script>} elements, one a line, in order. */
    static String tags(List<InlineScript> scripts) {
        StringBuilder tags = new StringBuilder();
        for (InlineScript s : scripts) {
            tags.append("<script>").append(s.text()).append("</script>\n");
        }
        return tags.toString();
    }

    /** {@code script-src} followed by each script's hash: the CSP directive that lets exactly these run. */
    static String scriptSrc(List<InlineScript> scripts) {
        StringBuilder directive = new StringBuilder("script-src");
        for (InlineScript s : scripts) {
            directive.append(' ').append(s.cspHash());
        }
        return directive.toString();
    }

    public String text() {
        return text;
    }

    /** The CSP source that allows this script: {@code 'sha256-BASE64'}. */
    public String cspHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(digest) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
