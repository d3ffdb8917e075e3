package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The shared capture corpus ({@code ../shared/corpus} beside the repository): 524 real TLS
 * captures from public projects' test suites with tshark-made oracles. A user's fresh clone does
 * not have it, so tests that read it call {@link #require()} and are skipped, with the reason,
 * where it is absent.
 */
public final class SharedCorpus {
    /** Set by the build (surefire) to the repository root. */
    public static final String REPO_ROOT_PROPERTY = "tlswatch.repo.root";

    private SharedCorpus() {
    }

    /** The repository root: the build's property, else the nearest folder upwards with .ci/run. */
    public static Path repoRoot() {
        String fromBuild = System.getProperty(REPO_ROOT_PROPERTY);
        if (fromBuild != null && !fromBuild.isBlank()) {
            return Paths.get(fromBuild).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(".ci/run"))) {
                return p;
            }
        }
        return dir;
    }

    /** {@code ../shared} if it is there. */
    public static Optional<Path> sharedDir() {
        Path shared = repoRoot().resolveSibling("shared");
        return Files.isDirectory(shared.resolve("corpus")) ? Optional.of(shared) : Optional.empty();
    }

    /** The corpus folder, or a skipped test (with the reason) when ../shared is absent. */
    public static Path require() {
        Optional<Path> shared = sharedDir();
        assumeTrue(shared.isPresent(), "../shared/corpus is absent beside the repository at "
                + repoRoot() + ": corpus tests skipped (the project's own captures still run)");
        return shared.get().resolve("corpus");
    }

    /** The interceptor reference data ({@code ../shared/interceptors}), or a skipped test. */
    public static Path requireInterceptors() {
        Optional<Path> shared = sharedDir();
        assumeTrue(shared.isPresent() && Files.isDirectory(shared.get().resolve("interceptors")),
                "../shared/interceptors is absent: test skipped");
        return shared.get().resolve("interceptors");
    }

    /** Every row of the corpus manifest, by its header's column names (path, description, licence...). */
    public static List<java.util.Map<String, String>> manifestRows(Path corpus) {
        try {
            List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
            String[] header = lines.get(0).split("\t", -1);
            List<java.util.Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                java.util.Map<String, String> row = new java.util.HashMap<>();
                for (int i = 0; i < header.length && i < cells.length; i++) {
                    row.put(header[i], cells[i]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every capture the corpus manifest lists, as paths relative to the corpus folder. */
    public static List<String> manifestCaptures(Path corpus) {
        try {
            List<String> out = new ArrayList<>();
            List<String> lines = Files.readAllLines(corpus.resolve("MANIFEST.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                if (!line.isBlank()) {
                    out.add(line.split("\t", 2)[0]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
