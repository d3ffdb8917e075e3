package io.tlswatch.analyzer.verdict.fingerprints;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The ClientHellos of ordinary clients, and whether a product's hello could be taken for one of
 * them: the generator's exclusion policy. A product's hello is excluded, with the reason, when
 * <ol>
 * <li>an ordinary client sent the same JA4, or the same JA3;</li>
 * <li>an ordinary client sent the same hello but for the padding extension (21, RFC 7685), which a
 * client adds or leaves out by the hello's length, so by the server name and session ticket: the
 * same browser sends both forms (Chrome 50 does in these captures);</li>
 * <li>its cipher suites and its extensions are each, in order, a part of an ordinary client's, with
 * the same supported groups and point formats: that client's TLS stack with fewer options, as any
 * program on the same system can ask of it (Schannel on Windows 7 limited to TLS 1.0, or without
 * OCSP stapling: Tencent PC Manager and Dr.Web 10 here);</li>
 * <li>it offers Channel ID (0x7550, 30032; draft-balfanz-tls-channelid), which only Chrome's own TLS
 * stack sent: the product passed the browser's hello through (Blue Coat ProxySG does with Chrome 52,
 * a version no ordinary capture holds).</li>
 * </ol>
 * Rules 2 to 4 read the hello's JA3 text: version,ciphers,extensions,groups,formats.
 */
final class OrdinaryClients {
    static final String PADDING = "21";
    static final Set<String> CHANNEL_ID = Set.of("30032", "30031");

    /** A JA3 text in its five fields, the lists split at '-'. */
    private record Ja3Fields(String version, List<String> ciphers, List<String> extensions, String groups,
                             String formats) {
        static Ja3Fields of(String ja3Text) {
            String[] f = ja3Text.split(",", -1);
            return new Ja3Fields(f[0], list(f[1]), list(f[2]), f[3], f[4]);
        }

        private static List<String> list(String field) {
            return field.isEmpty() ? List.of() : List.of(field.split("-"));
        }

        String withoutPadding() {
            return version + "," + String.join("-", ciphers) + ","
                    + String.join("-", extensions.stream().filter(e -> !e.equals(PADDING)).toList())
                    + "," + groups + "," + formats;
        }

        /** Whether this hello's lists are, in order, parts of {@code other}'s, with the same groups and formats. */
        boolean restricts(Ja3Fields other) {
            return groups.equals(other.groups) && formats.equals(other.formats)
                    && inOrderWithin(ciphers, other.ciphers) && inOrderWithin(extensions, other.extensions);
        }

        private static boolean inOrderWithin(List<String> part, List<String> whole) {
            Iterator<String> rest = whole.iterator();
            for (String item : part) {
                boolean found = false;
                while (!found && rest.hasNext()) {
                    found = rest.next().equals(item);
                }
                if (!found) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Map<String, Set<String>> byJa4 = new HashMap<>();
    private final Map<String, Set<String>> byJa3 = new HashMap<>();
    private final Map<String, Set<String>> byJa3WithoutPadding = new HashMap<>();
    private final Map<Ja3Fields, Set<String>> hellos = new LinkedHashMap<>();

    /** Takes in a hello an ordinary client sent in {@code capture}. */
    void add(SeenHello hello, String capture) {
        byJa4.computeIfAbsent(hello.ja4(), k -> new TreeSet<>()).add(capture);
        if (hello.ja3() != null) {
            Ja3Fields fields = Ja3Fields.of(hello.ja3Text());
            byJa3.computeIfAbsent(hello.ja3(), k -> new TreeSet<>()).add(capture);
            byJa3WithoutPadding.computeIfAbsent(fields.withoutPadding(), k -> new TreeSet<>()).add(capture);
            hellos.computeIfAbsent(fields, k -> new TreeSet<>()).add(capture);
        }
    }

    /** Why {@code hello} cannot tell a product from an ordinary client; empty when it can. */
    List<String> resemblance(SeenHello hello) {
        List<String> reasons = new ArrayList<>(2);
        Set<String> sameJa4 = byJa4.getOrDefault(hello.ja4(), Set.of());
        if (!sameJa4.isEmpty()) {
            reasons.add("same JA4 as " + some(sameJa4));
        }
        if (hello.ja3() == null) {
            return reasons;
        }
        Ja3Fields fields = Ja3Fields.of(hello.ja3Text());
        Set<String> sameJa3 = byJa3.getOrDefault(hello.ja3(), Set.of());
        Set<String> samePadded = byJa3WithoutPadding.getOrDefault(fields.withoutPadding(), Set.of());
        Set<String> restricted = new TreeSet<>();
        hellos.forEach((other, captures) -> {
            if (fields.restricts(other)) {
                restricted.addAll(captures);
            }
        });
        if (!sameJa3.isEmpty()) {
            reasons.add("same JA3 as " + some(sameJa3));
        } else if (!samePadded.isEmpty()) {
            reasons.add("same hello but for padding (RFC 7685) as " + some(samePadded));
        } else if (!restricted.isEmpty()) {
            reasons.add("the TLS stack of " + some(restricted) + " with fewer cipher suites or extensions");
        }
        if (fields.extensions().stream().anyMatch(CHANNEL_ID::contains)) {
            reasons.add("offers Channel ID (0x7550), which only Chrome's own TLS stack sent: the browser's hello passed through");
        }
        return reasons;
    }

    private static String some(Set<String> captures) {
        String first = captures.iterator().next();
        return captures.size() == 1 ? first : first + " and " + (captures.size() - 1) + " more";
    }
}
