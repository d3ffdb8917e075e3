package io.tlswatch.analyzer.verdict.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * One known interceptor of the catalogue: who it is, what class of interceptor, how to recognise
 * its certificates and where that knowledge comes from. Immutable; built only by the catalogue
 * loader, which has checked every value.
 */
public final class InterceptorEntry {
    private final String id;
    private final String name;
    private final InterceptorClass interceptorClass;
    private final List<String> certSha256;
    private final List<String> spkiSha256;
    private final List<NamePattern> issuerPatterns;
    private final List<String> issuerNames;
    private final List<String> issuerNameKeys;
    private final List<String> sources;
    private final String definedAt;

    InterceptorEntry(String id, String name, InterceptorClass interceptorClass, List<String> certSha256,
            List<String> spkiSha256, List<NamePattern> issuerPatterns, List<String> issuerNames,
            List<String> issuerNameKeys, List<String> sources, String definedAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.name = Objects.requireNonNull(name, "name");
        this.interceptorClass = Objects.requireNonNull(interceptorClass, "interceptorClass");
        this.certSha256 = List.copyOf(certSha256);
        this.spkiSha256 = List.copyOf(spkiSha256);
        this.issuerPatterns = List.copyOf(issuerPatterns);
        this.issuerNames = List.copyOf(issuerNames);
        this.issuerNameKeys = List.copyOf(issuerNameKeys);
        this.sources = List.copyOf(sources);
        this.definedAt = Objects.requireNonNull(definedAt, "definedAt");
    }

    /** Stable kebab-case identifier, e.g. {@code kz-qaznet-trust-network-2019}. */
    public String id() {
        return id;
    }

    /** Human name, e.g. "Kazakhstan's Qaznet Trust Network root (2019)". */
    public String name() {
        return name;
    }

    public InterceptorClass interceptorClass() {
        return interceptorClass;
    }

    /** Lowercase hex SHA-256 of certificates' DER that identify this interceptor. */
    public List<String> certSha256() {
        return certSha256;
    }

    /** Lowercase hex SHA-256 of DER SubjectPublicKeyInfos that identify it. */
    public List<String> spkiSha256() {
        return spkiSha256;
    }

    /** The {@code issuer} attribute patterns as written (see the package documentation). */
    public List<String> issuerPatterns() {
        return issuerPatterns.stream().map(NamePattern::text).toList();
    }

    /** The {@code issuer_dn} whole names as written. */
    public List<String> issuerNames() {
        return issuerNames;
    }

    /** Where a reader can check this entry: URLs of vendor documents, papers, blocklists. */
    public List<String> sources() {
        return sources;
    }

    /** The file and line that defined this entry, e.g. {@code interceptors.catalogue:40}. */
    public String definedAt() {
        return definedAt;
    }

    List<NamePattern> compiledIssuerPatterns() {
        return issuerPatterns;
    }

    /** {@link DnKey}s of {@link #issuerNames()}, same order. */
    List<String> issuerNameKeys() {
        return issuerNameKeys;
    }

    @Override
    public String toString() {
        return "InterceptorEntry[" + id + ", " + interceptorClass.jsonName() + "]";
    }
}
