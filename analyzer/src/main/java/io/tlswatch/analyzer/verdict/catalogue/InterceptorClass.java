package io.tlswatch.analyzer.verdict.catalogue;

import java.util.Locale;

/**
 * Who runs an interception CA, as the {@code interceptor.class} field of a session record names it.
 * The shipped catalogue uses every class but {@link #SANCTIONED}, which a user gives to their own
 * enterprise CA so that its interception is labelled as sanctioned rather than hidden.
 */
public enum InterceptorClass {
    /** A state that intercepts its citizens' traffic (Kazakhstan's "Qaznet Trust Network"). */
    GOVERNMENT("government"),
    /** A firewall, secure web gateway or proxy an organisation runs on its own network. */
    CORPORATE("corporate"),
    /** Antivirus or endpoint software scanning TLS on the user's machine. */
    SECURITY_PRODUCT("security-product"),
    /** Parental-control or family content filters. */
    PARENTAL_CONTROL("parental-control"),
    /** Adware and malware (Superfish). */
    MALWARE("malware"),
    /** Debugging and penetration-testing proxies, and browsers' own test certificates. */
    TESTING_TOOL("testing-tool"),
    /** Known to intercept, owner or purpose unclear. */
    UNKNOWN("unknown"),
    /** A user-declared enterprise CA: interception the network's owner allows. */
    SANCTIONED("sanctioned");

    private final String jsonName;

    InterceptorClass(String jsonName) {
        this.jsonName = jsonName;
    }

    /** The name in records and catalogue files, e.g. {@code security-product}. */
    public String jsonName() {
        return jsonName;
    }

    /** The class named {@code text} (case-insensitive), or null when there is none. */
    public static InterceptorClass fromJsonName(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (InterceptorClass c : values()) {
            if (c.jsonName.equals(wanted)) {
                return c;
            }
        }
        return null;
    }

    /** Every JSON name, comma-separated, for error messages. */
    static String allJsonNames() {
        StringBuilder out = new StringBuilder();
        for (InterceptorClass c : values()) {
            out.append(out.length() == 0 ? "" : ", ").append(c.jsonName);
        }
        return out.toString();
    }
}
