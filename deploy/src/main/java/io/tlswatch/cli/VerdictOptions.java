package io.tlswatch.cli;

import io.tlswatch.analyzer.verdict.VerdictEngine;
import io.tlswatch.analyzer.verdict.catalogue.CatalogueException;
import io.tlswatch.analyzer.verdict.catalogue.InterceptorCatalogue;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionClientHellos;
import io.tlswatch.analyzer.verdict.fingerprints.InterceptionHelloTableException;
import io.tlswatch.analyzer.x509.trust.TrustStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options that say how sessions are judged: which roots are trusted, which CAs are the user's
 * own inspection, and which interceptors are known. Shared by every command that analyses traffic.
 */
final class VerdictOptions {

    @Option(names = "--trust-store", paramLabel = "PEM",
            description = "Trust these roots instead of the shipped Mozilla snapshot (a PEM bundle or a folder of PEM files).")
    Path trustStore;

    @Option(names = "--trust-store-date", paramLabel = "YYYY-MM-DD",
            description = "When the --trust-store's roots are as of (default for the shipped snapshot: its date). "
                    + "Untrusted chains in captures more than a year older are not counted as suspicious.")
    LocalDate trustStoreDate;

    @Option(names = "--extra-roots", paramLabel = "PEM",
            description = "Also trust the roots in this PEM bundle (repeatable).")
    List<Path> extraRoots = new ArrayList<>();

    @Option(names = "--sanctioned-ca", paramLabel = "PEM",
            description = "CAs of your own TLS inspection: sessions under them are intercepted, class sanctioned (repeatable).")
    List<Path> sanctionedCas = new ArrayList<>();

    @Option(names = "--catalogue", paramLabel = "FILE",
            description = "Interceptor catalogue entries merged over the shipped catalogue (repeatable).")
    List<Path> catalogues = new ArrayList<>();

    @Option(names = "--product-hellos", paramLabel = "TSV",
            description = "ClientHello fingerprints of interception products merged over the shipped table (repeatable).")
    List<Path> productHellos = new ArrayList<>();

    @Option(names = "--upstream-of-proxies",
            description = "The sensor sits between interception proxies and the Internet: a product's own ClientHello is suspicious.")
    boolean upstreamOfProxies;

    @Option(names = "--chain-cache", paramLabel = "N", defaultValue = "50000",
            description = "Distinct chains whose validation is kept (0: validate every session's chain afresh).")
    int chainCache;

    /** The judge these options describe; user mistakes become one-line {@link IOException}s. */
    VerdictEngine build() throws IOException {
        if (chainCache < 0) {
            throw new IOException("--chain-cache must be 0 or more");
        }
        TrustStore trust = trustStore != null ? load(trustStore, "--trust-store") : TrustStore.mozillaSnapshot();
        Set<String> privateRoots = new HashSet<>();
        for (Path extra : extraRoots) {
            trust = trust.withAdditionalRoots(requireCertificates(extra, "--extra-roots"));
            TrustStore.fromPem(extra).anchors().forEach(a -> privateRoots.add(a.certificateSha256()));
        }
        TrustStore sanctioned = TrustStore.empty();
        for (Path ca : sanctionedCas) {
            sanctioned = sanctioned.withAdditionalRoots(requireCertificates(ca, "--sanctioned-ca"));
        }
        InterceptorCatalogue catalogue;
        try {
            catalogue = InterceptorCatalogue.load(catalogues);
        } catch (CatalogueException e) {
            throw new IOException(e.getMessage().strip().replace("\n", "; "), e);
        }
        InterceptionClientHellos hellos;
        try {
            hellos = InterceptionClientHellos.load(productHellos);
        } catch (InterceptionHelloTableException e) {
            throw new IOException(e.getMessage().strip().replace("\n", "; "), e);
        }
        LocalDate asOf = trustStoreDate != null ? trustStoreDate
                : trustStore == null ? TrustStore.mozillaSnapshotDate() : null;
        return VerdictEngine.builder(trust, catalogue).sanctionedCas(sanctioned).privateRoots(privateRoots)
                .trustStoreDate(asOf == null ? null : asOf.atStartOfDay(ZoneOffset.UTC).toInstant())
                .productClientHellos(hellos).upstreamOfProxies(upstreamOfProxies).chainCacheSize(chainCache).build();
    }

    private static TrustStore load(Path pem, String option) throws IOException {
        requireCertificates(pem, option);
        return TrustStore.fromPem(pem);
    }

    private static Path requireCertificates(Path pem, String option) throws IOException {
        if (!Files.exists(pem)) {
            throw new IOException(option + " " + pem + ": no such file or directory");
        }
        TrustStore probe = TrustStore.fromPem(pem);
        if (probe.size() == 0) {
            throw new IOException(option + " " + pem + ": no certificate in it (a PEM bundle of BEGIN CERTIFICATE blocks)");
        }
        return pem;
    }
}
