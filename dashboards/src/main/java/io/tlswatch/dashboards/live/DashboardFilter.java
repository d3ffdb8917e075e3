package io.tlswatch.dashboards.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the dashboard's user narrowed the data to, as kept in the page's URL: a time range
 * ({@code from} inclusive, {@code to} exclusive; ISO-8601 instants, or dates and local date-times
 * read as UTC), a sensor ({@code observer.name}), a client subnet in CIDR notation (matched
 * against {@code source.ip}), and, for drilling down, an interceptor's name
 * ({@code tlswatch.interceptor.name}) and a server name ({@code tls.client.server_name}). Any
 * part may be absent. Values come from the browser: each is
 * checked before it reaches a query, and {@link #parse} names what it refused.
 */
public record DashboardFilter(Instant from, Instant to, String sensor, String subnet, String interceptor,
                              String serverName) {
    public static final int MAX_SENSOR_LENGTH = 256;
    /** Longest interceptor or server name accepted: the templates index keywords up to 1024 characters. */
    public static final int MAX_NAME_LENGTH = 1024;
    public static final DashboardFilter NONE = new DashboardFilter(null, null, null, null, null, null);
    private static final Pattern IPV4_CIDR = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})(/\\d{1,2})?");
    private static final Pattern IPV6_CIDR = Pattern.compile("[0-9a-fA-F:]{2,39}(/\\d{1,3})?");

    /** A parameter the filter refused, with the reason shown to the user. */
    public static final class Invalid extends Exception {
        private static final long serialVersionUID = 1L;

        Invalid(String message) {
            super(message);
        }
    }

    /**
     * The filter in {@code parameters} ({@code from}, {@code to}, {@code sensor}, {@code subnet},
     * {@code interceptor}, {@code server_name}); blanks are absent.
     */
    public static DashboardFilter parse(Map<String, String> parameters) throws Invalid {
        Instant from = instant("from", parameters.get("from"));
        Instant to = instant("to", parameters.get("to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new Invalid("'from' must be before 'to'");
        }
        String sensor = blankToNull(parameters.get("sensor"));
        if (sensor != null && sensor.length() > MAX_SENSOR_LENGTH) {
            throw new Invalid("'sensor' is longer than " + MAX_SENSOR_LENGTH + " characters");
        }
        String subnet = blankToNull(parameters.get("subnet"));
        if (subnet != null && !isCidr(subnet)) {
            throw new Invalid("'subnet' must be an IP address or a CIDR block such as 192.0.2.0/24");
        }
        return new DashboardFilter(from, to, sensor, subnet, name("interceptor", parameters),
                name("server_name", parameters));
    }

    /**
     * The Elasticsearch query that keeps the sessions this filter lets through: a {@code bool}
     * of {@code filter} clauses (no scoring), {@code match_all} when nothing is set.
     */
    public ObjectNode sessionQuery() {
        return query(true);
    }

    /** The same for {@code stats} documents, which have no client: time range and sensor only. */
    public ObjectNode statsQuery() {
        return query(false);
    }

    private ObjectNode query(boolean withSubnet) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode query = f.objectNode();
        ArrayNode clauses = query.putObject("bool").putArray("filter");
        if (from != null || to != null) {
            ObjectNode range = clauses.addObject().putObject("range").putObject("@timestamp");
            if (from != null) {
                range.put("gte", from.toString());
            }
            if (to != null) {
                range.put("lt", to.toString());
            }
        }
        if (sensor != null) {
            clauses.addObject().putObject("term").put("observer.name", sensor);
        }
        if (withSubnet) {
            // Stats documents describe a whole sensor: no client, interceptor or server name to match.
            if (subnet != null) {
                clauses.addObject().putObject("term").put("source.ip", subnet);
            }
            if (interceptor != null) {
                clauses.addObject().putObject("term").put("tlswatch.interceptor.name", interceptor);
            }
            if (serverName != null) {
                clauses.addObject().putObject("term").put("tls.client.server_name", serverName);
            }
        }
        return query;
    }

    /** A name as given (not stripped: names from the wire may have blanks), bounded. */
    private static String name(String parameter, Map<String, String> parameters) throws Invalid {
        String v = parameters.get(parameter);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_NAME_LENGTH) {
            throw new Invalid("'" + parameter + "' is longer than " + MAX_NAME_LENGTH + " characters");
        }
        return v;
    }

    private static Instant instant(String name, String value) throws Invalid {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        if (v.length() > 40) {
            throw new Invalid("'" + name + "' is not a time");
        }
        try {
            if (v.endsWith("Z") || v.matches(".*[+-]\\d\\d:\\d\\d$")) {
                return java.time.OffsetDateTime.parse(v).toInstant();
            }
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new Invalid("'" + name + "' must be a time such as 2024-05-01T10:00:00Z or 2024-05-01 (UTC)");
        }
    }

    /** An IPv4 or IPv6 literal with an optional prefix length in range; never resolves a name. */
    static boolean isCidr(String text) {
        var v4 = IPV4_CIDR.matcher(text);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return v4.group(5) == null || Integer.parseInt(v4.group(5).substring(1)) <= 32;
        }
        var v6 = IPV6_CIDR.matcher(text);
        if (!v6.matches() || text.indexOf(':') < 0) {
            return false;
        }
        String address = v6.group(1) == null ? text : text.substring(0, text.length() - v6.group(1).length());
        if (v6.group(1) != null && Integer.parseInt(v6.group(1).substring(1)) > 128) {
            return false;
        }
        try {
            // Only hex digits and colons reach here: a literal, parsed without any name lookup.
            return java.net.InetAddress.getByName(address) instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
