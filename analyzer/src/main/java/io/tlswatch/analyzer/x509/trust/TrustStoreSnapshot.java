package io.tlswatch.analyzer.x509.trust;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A refreshed copy of Mozilla's root store for {@link TrustStore#mozillaSnapshot()}: writes
 * {@value TrustStore#MOZILLA_SNAPSHOT_RESOURCE} and a SOURCE.md that records where it came from,
 * when, its SHA-256 and how many roots it holds. The {@code tlswatch truststore refresh} command
 * calls {@link #refresh(Path, Path)}.
 *
 * <p>The input is a PEM bundle, or a directory of PEM files concatenated in file-name order (on
 * Debian, {@code /usr/share/ca-certificates/mozilla}). Prefer the directory: the system bundle
 * {@code /etc/ssl/certs/ca-certificates.crt} also holds every local CA an administrator added (a
 * company's interception root, say), and a snapshot must hold Mozilla's roots only.
 *
 * @param pemFile the written bundle
 * @param sourceFile the written SOURCE.md
 * @param sha256 lowercase hex SHA-256 of the written bundle
 * @param date the day of the refresh (UTC)
 * @param roots how many certificates became anchors
 * @param skipped the entries that did not
 */
public record TrustStoreSnapshot(Path pemFile, Path sourceFile, String sha256, LocalDate date, int roots,
                                 List<SkippedPemEntry> skipped) {
    /** The metadata file beside the bundle. */
    public static final String SOURCE_FILE = "SOURCE.md";

    public TrustStoreSnapshot {
        skipped = List.copyOf(skipped);
    }

    /** Refreshes from {@code pemBundle} (a file or a directory) into {@code outputDir}, dated today. */
    public static TrustStoreSnapshot refresh(Path pemBundle, Path outputDir) throws IOException {
        return refresh(pemBundle, outputDir, pemBundle.getFileName().toString(), Clock.systemUTC());
    }

    /**
     * As {@link #refresh(Path, Path)}, with {@code origin} describing the input for SOURCE.md (the
     * package and version, e.g. "Debian ca-certificates 20230311+deb12u1") and the clock that dates it.
     *
     * @throws IOException when the input cannot be read, holds no certificate, or the output cannot be written
     */
    public static TrustStoreSnapshot refresh(Path pemBundle, Path outputDir, String origin, Clock clock)
            throws IOException {
        byte[] pem = Files.isDirectory(pemBundle) ? concatenate(pemBundle) : Files.readAllBytes(pemBundle);
        TrustStore store = TrustStore.fromPem(TrustStore.MOZILLA_SNAPSHOT_RESOURCE, pem);
        if (store.size() == 0) {
            throw new IOException(pemBundle.getFileName() + " holds no certificate: snapshot not written");
        }
        String sha256 = new Sha256Hex().of(pem);
        LocalDate date = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Files.createDirectories(outputDir);
        Path pemFile = outputDir.resolve(TrustStore.MOZILLA_SNAPSHOT_RESOURCE);
        Path sourceFile = outputDir.resolve(SOURCE_FILE);
        Files.write(pemFile, pem);
        Files.writeString(sourceFile, sourceText(origin, sha256, date, store), StandardCharsets.UTF_8);
        return new TrustStoreSnapshot(pemFile, sourceFile, sha256, date, store.size(), store.skipped());
    }

    private static byte[] concatenate(Path directory) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            listing.filter(Files::isRegularFile).sorted().forEach(files::add);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files) {
            if (all.size() + Files.size(file) > TrustLimits.MAX_PEM_BYTES) {
                throw new IOException(directory.getFileName() + ": more than " + TrustLimits.MAX_PEM_BYTES + " bytes of PEM");
            }
            all.write(Files.readAllBytes(file));
        }
        return all.toByteArray();
    }

    private static String sourceText(String origin, String sha256, LocalDate date, TrustStore store) {
        StringBuilder text = new StringBuilder()
                .append("# Mozilla's root store, as shipped with tlswatch\n\n")
                .append("`").append(TrustStore.MOZILLA_SNAPSHOT_RESOURCE).append("` is the trust store that")
                .append(" `TrustStore.mozillaSnapshot()` loads: the roots Mozilla trusts for TLS server")
                .append(" authentication (its NSS `certdata.txt`, as Linux distributions package it).\n\n")
                .append("- origin: ").append(origin).append('\n')
                .append("- refreshed: ").append(date).append('\n')
                .append("- sha256: ").append(sha256).append('\n')
                .append("- roots: ").append(store.size()).append('\n')
                .append("- skipped entries: ").append(store.skipped().size()).append('\n');
        for (SkippedPemEntry entry : store.skipped()) {
            text.append("  - ").append(entry).append('\n');
        }
        return text.append("""

                ## Licence

                The certificate data comes from Mozilla's NSS `certdata.txt`, under the Mozilla Public
                License 2.0 (MPL-2.0, https://mozilla.org/MPL/2.0/); the certificates themselves are public.

                ## Refresh

                Validity is judged at capture time, so an old capture meets roots that have since left the
                store: keep snapshots dated and refresh on purpose, not silently. On Debian or Ubuntu with
                an up-to-date `ca-certificates` package:

                    tlswatch truststore refresh /usr/share/ca-certificates/mozilla \\
                        analyzer/src/main/resources/io/tlswatch/analyzer/x509/trust

                which calls `TrustStoreSnapshot.refresh` and rewrites this file. Use the package's
                directory, not `/etc/ssl/certs/ca-certificates.crt`: that bundle also holds every local CA
                added under `/usr/local/share/ca-certificates`, which must never ship as a Mozilla root.
                Record the package version in the origin line above (`dpkg-query -W ca-certificates`).
                """).toString();
    }
}
