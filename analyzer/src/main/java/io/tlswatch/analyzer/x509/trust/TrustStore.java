package io.tlswatch.analyzer.x509.trust;

import io.tlswatch.analyzer.x509.CertificateInfo;
import io.tlswatch.analyzer.x509.CertificateParser;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roots a chain may end at: immutable, loaded from PEM bundles (the Mozilla snapshot that
 * ships as a resource, a user's file, extra roots such as a sanctioned enterprise CA), and indexed
 * for issuer lookup by subject name, subject key identifier, certificate and SPKI SHA-256.
 *
 * <p>Loading never fails for a bad entry: each block that is not a usable certificate is skipped
 * and listed with its reason ({@link #skipped()}). Only reading a file can fail (an
 * {@link IOException}). Safe to share between threads once built.
 */
public final class TrustStore {
    /** The resource beside this class: Mozilla's root store as Debian ships it (see SOURCE.md). */
    public static final String MOZILLA_SNAPSHOT_RESOURCE = "mozilla-roots.pem";

    private static final TrustStore EMPTY = new TrustStore(List.of(), List.of());

    private final List<TrustAnchor> anchors;
    private final List<SkippedPemEntry> skipped;
    private final Map<NameKey, List<TrustAnchor>> bySubjectName = new HashMap<>();
    private final Map<String, List<TrustAnchor>> bySubjectDn = new HashMap<>();
    private final Map<String, List<TrustAnchor>> byKeyId = new HashMap<>();
    private final Map<String, List<TrustAnchor>> bySpki = new HashMap<>();
    private final Map<String, TrustAnchor> byCertificate = new HashMap<>();

    private TrustStore(List<TrustAnchor> anchors, List<SkippedPemEntry> skipped) {
        this.anchors = List.copyOf(anchors);
        this.skipped = List.copyOf(skipped);
        for (TrustAnchor anchor : this.anchors) {
            byCertificate.put(anchor.certificateSha256(), anchor);
            index(bySubjectName, anchor.decoded().subject(), anchor);
            index(bySubjectDn, anchor.subject(), anchor);
            index(bySpki, anchor.spkiSha256(), anchor);
            if (anchor.subjectKeyId() != null) {
                index(byKeyId, anchor.subjectKeyId(), anchor);
            }
        }
    }

    /** A store with no anchors: every chain ends untrusted. */
    public static TrustStore empty() {
        return EMPTY;
    }

    /** Mozilla's root store as shipped with tlswatch (see SOURCE.md beside the resource); loaded once. */
    public static TrustStore mozillaSnapshot() {
        return MozillaSnapshotHolder.STORE;
    }

    /**
     * The date the shipped snapshot's roots are as of: its SOURCE.md's {@code roots as of} line, else
     * its {@code refreshed} line. Validating a capture much older than this meets roots that have
     * since left the store.
     */
    public static LocalDate mozillaSnapshotDate() {
        return MozillaSnapshotHolder.DATE;
    }

    /** Anchors from PEM bundle files, in order; the same certificate twice is kept once. */
    public static TrustStore fromPem(Path... bundles) throws IOException {
        return EMPTY.withAdditionalRoots(bundles);
    }

    /** Anchors from one PEM bundle's bytes; {@code source} names it in {@link #skipped()} and {@link TrustAnchor#source()}. */
    public static TrustStore fromPem(String source, byte[] pem) {
        return EMPTY.withAdditionalRoots(source, pem);
    }

    /** This store plus the roots in {@code bundles} (a user's roots, a sanctioned enterprise CA). */
    public TrustStore withAdditionalRoots(Path... bundles) throws IOException {
        TrustStore store = this;
        for (Path bundle : bundles) {
            store = store.withAdditionalRoots(bundle.getFileName().toString(), read(bundle));
        }
        return store;
    }

    /** This store plus the roots in one PEM bundle's bytes. */
    public TrustStore withAdditionalRoots(String source, byte[] pem) {
        PemBundle bundle = PemBundle.parse(source, pem);
        Map<String, TrustAnchor> merged = new LinkedHashMap<>(byCertificate.size() * 2);
        anchors.forEach(anchor -> merged.put(anchor.certificateSha256(), anchor));
        List<SkippedPemEntry> newlySkipped = new ArrayList<>(bundle.skipped());
        for (PemBundle.Block block : bundle.blocks()) {
            CertificateInfo info = CertificateParser.parseTrustAnchor(block.der());
            ChainCertificate decoded = ChainCertificate.decode(info, block.der());
            if (decoded == null) {
                String detail = info.parseError() != null ? info.parseError().id() : "no tbsCertificate framing";
                newlySkipped.add(new SkippedPemEntry(source, block.index(), PemEntryProblem.NOT_A_CERTIFICATE, detail));
            } else if (merged.containsKey(decoded.sha256())) {
                newlySkipped.add(new SkippedPemEntry(source, block.index(), PemEntryProblem.DUPLICATE, decoded.sha256()));
            } else {
                merged.put(decoded.sha256(), new TrustAnchor(decoded, source));
            }
        }
        newlySkipped.sort(Comparator.comparingInt(SkippedPemEntry::index));
        List<SkippedPemEntry> allSkipped = new ArrayList<>(skipped);
        allSkipped.addAll(newlySkipped);
        return new TrustStore(new ArrayList<>(merged.values()), allSkipped);
    }

    /** Every anchor, in loading order. */
    public List<TrustAnchor> anchors() {
        return anchors;
    }

    public int size() {
        return anchors.size();
    }

    /** The PEM entries that did not become anchors, with their reasons, in loading order. */
    public List<SkippedPemEntry> skipped() {
        return skipped;
    }

    /** The anchor whose certificate has this SHA-256 (lowercase hex), or null. */
    public TrustAnchor anchorWithCertificate(String certificateSha256) {
        return byCertificate.get(certificateSha256);
    }

    /** Anchors with this subject, as an RFC 4514 string exactly as {@link TrustAnchor#subject()} gives it. */
    public List<TrustAnchor> anchorsWithSubject(String distinguishedName) {
        return bySubjectDn.getOrDefault(distinguishedName, List.of());
    }

    /** Anchors with this subjectKeyIdentifier (lowercase hex). */
    public List<TrustAnchor> anchorsWithSubjectKeyId(String keyIdHex) {
        return byKeyId.getOrDefault(keyIdHex, List.of());
    }

    /** Anchors with this SPKI SHA-256 (lowercase hex): the same key, whatever the certificate. */
    public List<TrustAnchor> anchorsWithSpki(String spkiSha256) {
        return bySpki.getOrDefault(spkiSha256, List.of());
    }

    /** Anchors whose subject name is exactly {@code name} (its DER): the issuer candidates. */
    List<TrustAnchor> anchorsNamed(NameKey name) {
        return bySubjectName.getOrDefault(name, List.of());
    }

    /** The anchor with the same subject name and key as {@code certificate}, or null. */
    TrustAnchor anchorFor(ChainCertificate certificate) {
        for (TrustAnchor anchor : anchorsNamed(certificate.subject())) {
            if (anchor.decoded().sameNameAndKey(certificate)) {
                return anchor;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "TrustStore[" + anchors.size() + " anchors, " + skipped.size() + " skipped]";
    }

    private static <K> void index(Map<K, List<TrustAnchor>> map, K key, TrustAnchor anchor) {
        map.computeIfAbsent(key, k -> new ArrayList<>(1)).add(anchor);
    }

    private static byte[] read(Path bundle) throws IOException {
        long size = Files.size(bundle);
        if (size > TrustLimits.MAX_PEM_BYTES) {
            throw new IOException(bundle.getFileName() + ": " + size + " bytes, more than a PEM bundle may hold ("
                    + TrustLimits.MAX_PEM_BYTES + ")");
        }
        return Files.readAllBytes(bundle);
    }

    /** Loads the snapshot on first use (class initialisation is thread-safe). */
    private static final class MozillaSnapshotHolder {
        static final TrustStore STORE = load();
        static final LocalDate DATE = date();

        /** From SOURCE.md: "- roots as of: 2023-06-01", else "- refreshed: 2026-11-25". */
        private static LocalDate date() {
            try (InputStream in = TrustStore.class.getResourceAsStream(TrustStoreSnapshot.SOURCE_FILE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + TrustStoreSnapshot.SOURCE_FILE + " missing from the build");
                }
                String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                LocalDate refreshed = null;
                for (String line : text.split("\n")) {
                    if (line.startsWith("- roots as of: ")) {
                        return LocalDate.parse(line.substring("- roots as of: ".length()).strip().split(" ")[0]);
                    }
                    if (line.startsWith("- refreshed: ")) {
                        refreshed = LocalDate.parse(line.substring("- refreshed: ".length()).strip());
                    }
                }
                if (refreshed == null) {
                    throw new IllegalStateException(TrustStoreSnapshot.SOURCE_FILE + " names no date");
                }
                return refreshed;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static TrustStore load() {
            try (InputStream in = TrustStore.class.getResourceAsStream(MOZILLA_SNAPSHOT_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + MOZILLA_SNAPSHOT_RESOURCE + " missing from the build");
                }
                return fromPem(MOZILLA_SNAPSHOT_RESOURCE, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
