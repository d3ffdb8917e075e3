package io.tlswatch.analyzer.verdict.fingerprints;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped table against mitmengine's captures in the shared corpus (skipped without it): no
 * ordinary client's hello matches a row, every product capture a row was made from matches its
 * product when replayed, and the table is what the generator makes of the corpus today.
 */
class InterceptionCorpusTest {
    private static final InterceptionClientHellos SHIPPED = InterceptionClientHellos.shipped();
    private static Path corpus;
    private static final Map<MitmengineCapture, Set<SeenHello>> HELLOS = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void replayEveryCapture() {
        corpus = SharedCorpus.require();
        for (MitmengineCapture capture : MitmengineCapture.all(corpus)) {
            HELLOS.put(capture, SeenHello.inCapture(corpus.resolve(capture.corpusPath())));
        }
    }

    @Test
    void noOrdinaryClientsHelloMatchesARow() {
        List<Executable> checks = new ArrayList<>();
        HELLOS.forEach((capture, hellos) -> {
            if (ProductKeywords.classify(capture).product().isEmpty()) {
                for (SeenHello hello : hellos) {
                    checks.add(() -> assertEquals(List.of(), SHIPPED.match(hello.ja4(), hello.ja3()),
                            capture.upstreamPath() + " is an ordinary client"));
                }
            }
        });
        assertTrue(checks.size() > 100, "ordinary hellos: " + checks.size());
        assertAll(checks);
    }

    @Test
    void everyCaptureARowCameFromMatchesThatRowsProduct() {
        Map<String, MitmengineCapture> byUpstream = new LinkedHashMap<>();
        HELLOS.keySet().forEach(c -> byUpstream.put(c.upstreamPath(), c));
        List<Executable> checks = new ArrayList<>();
        Set<String> products = new TreeSet<>();
        for (InterceptionClientHello row : SHIPPED.entries()) {
            products.add(row.product());
            for (String upstream : row.captures()) {
                MitmengineCapture capture = byUpstream.get(upstream);
                checks.add(() -> {
                    assertTrue(capture != null, upstream + " is in the corpus");
                    assertTrue(HELLOS.get(capture).stream()
                            .flatMap(h -> SHIPPED.match(h.ja4(), h.ja3()).stream())
                            .anyMatch(m -> m.product().equals(row.product())),
                            upstream + " replayed matches " + row.product());
                });
            }
        }
        assertEquals(SHIPPED.entries().stream().map(InterceptionClientHello::product).distinct().count(), products.size());
        assertAll(checks);
    }

    @Test
    void shippedTableIsWhatTheGeneratorMakesOfTheCorpus() throws IOException {
        Path regenerated = dir.resolve(InterceptionClientHellos.SHIPPED_RESOURCE);
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        InterceptionClientHellosGenerator.generate(corpus, regenerated,
                new PrintStream(report, true, StandardCharsets.UTF_8));
        assertEquals(shippedText(), Files.readString(regenerated, StandardCharsets.UTF_8),
                "run analyzer/tools/regenerate-interception-clienthellos.sh");
        String printed = report.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("misc\tcomputer-windows-7-ie-10\tordinary client"), "the classification is printed");
        assertFalse(printed.isBlank());
    }

    private static String shippedText() throws IOException {
        try (InputStream in = InterceptionClientHellos.class.getResourceAsStream(InterceptionClientHellos.SHIPPED_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
