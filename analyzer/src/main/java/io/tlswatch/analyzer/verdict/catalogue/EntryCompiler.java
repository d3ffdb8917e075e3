package io.tlswatch.analyzer.verdict.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns one {@link CatalogueReader.Stanza} into an {@link InterceptorEntry}, checking every value:
 * a known class, hashes of 64 hex digits (colons allowed, as OpenSSL prints them), name patterns
 * that compile, at least one way to match and at least one source.
 */
final class EntryCompiler {
    private final String file;
    private final List<CatalogueProblem> problems;

    EntryCompiler(String file, List<CatalogueProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    /** The entry, or null with the reasons added to the problems. */
    InterceptorEntry compile(CatalogueReader.Stanza stanza) {
        int before = problems.size();
        CatalogueReader.Field name = stanza.first("name");
        CatalogueReader.Field classField = stanza.first("class");
        InterceptorClass interceptorClass = null;
        if (name == null) {
            problem(stanza.line(), "[" + stanza.id() + "] has no name");
        }
        if (classField == null) {
            problem(stanza.line(), "[" + stanza.id() + "] has no class");
        } else {
            interceptorClass = InterceptorClass.fromJsonName(classField.value());
            if (interceptorClass == null) {
                problem(classField.line(), "unknown class '" + classField.value() + "' (one of "
                        + InterceptorClass.allJsonNames() + ")");
            }
        }
        List<String> certs = hashes(stanza, "cert_sha256");
        List<String> spkis = hashes(stanza, "spki_sha256");
        List<NamePattern> patterns = new ArrayList<>();
        for (CatalogueReader.Field f : stanza.all("issuer")) {
            try {
                patterns.add(NamePattern.compile(f.value()));
            } catch (IllegalArgumentException e) {
                problem(f.line(), "bad issuer pattern '" + f.value() + "': " + e.getMessage());
            }
        }
        List<String> names = new ArrayList<>();
        List<String> nameKeys = new ArrayList<>();
        for (CatalogueReader.Field f : stanza.all("issuer_dn")) {
            try {
                nameKeys.add(NamePattern.wholeNameKey(f.value()));
                names.add(f.value());
            } catch (IllegalArgumentException e) {
                problem(f.line(), "bad issuer_dn '" + f.value() + "': " + e.getMessage());
            }
        }
        List<String> sources = stanza.all("source").stream().map(CatalogueReader.Field::value).toList();
        if (sources.isEmpty()) {
            problem(stanza.line(), "[" + stanza.id() + "] has no source: say where a reader can check it");
        }
        if (problems.size() == before && certs.isEmpty() && spkis.isEmpty() && patterns.isEmpty() && names.isEmpty()) {
            problem(stanza.line(), "[" + stanza.id() + "] has nothing to match: give cert_sha256, spki_sha256, "
                    + "issuer or issuer_dn");
        }
        if (problems.size() != before) {
            return null;
        }
        return new InterceptorEntry(stanza.id(), name.value(), interceptorClass, certs, spkis, patterns, names,
                nameKeys, sources, file + ":" + stanza.line());
    }

    private List<String> hashes(CatalogueReader.Stanza stanza, String key) {
        List<String> out = new ArrayList<>();
        for (CatalogueReader.Field f : stanza.all(key)) {
            String hex = sha256Hex(f.value());
            if (hex == null) {
                problem(f.line(), "bad " + key + " '" + f.value() + "': want 64 hex digits (colons allowed)");
            } else if (!out.contains(hex)) {
                out.add(hex);
            }
        }
        return out;
    }

    /** Lowercase 64-digit hex of a SHA-256 written plain or as colon-separated pairs, else null. */
    static String sha256Hex(String text) {
        StringBuilder hex = new StringBuilder(64);
        boolean colons = text.length() == 64 + 31;
        if (!colons && text.length() != 64) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (colons && i % 3 == 2) {
                if (c != ':') {
                    return null;
                }
            } else if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')) {
                hex.append(c);
            } else {
                return null;
            }
        }
        return hex.toString().toLowerCase(Locale.ROOT);
    }

    private void problem(int line, String message) {
        problems.add(new CatalogueProblem(file, line, message));
    }
}
