package io.tlswatch.analyzer.x509.trust;

import java.net.IDN;
import java.util.Locale;

/**
 * DNS name matching as RFC 6125 section 6.4 describes it and browsers do it: names compare
 * case-insensitively as A-labels (section 6.4.2: a U-label server name is converted first); a
 * trailing dot is ignored; a wildcard is accepted only as the whole left-most label of a presented
 * name with at least two labels after it ("*.example.com"), and matches exactly one non-empty
 * label (section 6.4.3). Partial-label wildcards ("f*o.example.com", "*oo.example.com") match
 * nothing: browsers have refused them for years, and RFC 9525 (which replaces RFC 6125) drops them.
 * Public-suffix wildcards such as "*.co.uk" are not recognised (out of scope). U-labels are
 * converted with {@link IDN} (IDNA 2003): the few characters where IDNA 2008 and UTS 46 differ
 * ("ß", final sigma) may convert otherwise than in a browser; SNI carries A-labels anyway
 * (RFC 6066 section 3).
 */
final class HostnameMatcher {
    private HostnameMatcher() {
    }

    /**
     * The server name as a reference identifier: lowercase A-labels without a trailing dot, or null
     * when it is not a host name (empty labels, a wildcard, characters outside letters, digits,
     * '-' and '_', too long).
     */
    static String reference(String serverName) {
        String name = withoutTrailingDot(serverName);
        if (name.length() > TrustLimits.MAX_HOST_NAME_CHARS) {
            return null;
        }
        if (!isAscii(name)) {
            try {
                name = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException notAnIdn) {
                return null;
            }
        }
        name = name.toLowerCase(Locale.ROOT);
        return isHostName(name) ? name : null;
    }

    /** Whether the presented DNS-ID (a dNSName SAN, or a CN in fallback) matches {@code reference}. */
    static boolean matches(String presented, String reference) {
        String name = withoutTrailingDot(presented);
        if (name.length() > TrustLimits.MAX_HOST_NAME_CHARS || !isAscii(name)) {
            return false;
        }
        name = name.toLowerCase(Locale.ROOT);
        if (name.startsWith("*.")) {
            String rest = name.substring(2);
            int firstDot = reference.indexOf('.');
            return rest.indexOf('.') > 0 && isHostName(rest)
                    && firstDot > 0 && reference.substring(firstDot + 1).equals(rest);
        }
        return isHostName(name) && name.equals(reference);
    }

    private static String withoutTrailingDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** Non-empty labels of lowercase letters, digits, '-' and '_' (so no wildcard). */
    private static boolean isHostName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        int labelLength = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (labelLength == 0) {
                    return false;
                }
                labelLength = 0;
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                labelLength++;
            } else {
                return false;
            }
        }
        return labelLength > 0;
    }
}
