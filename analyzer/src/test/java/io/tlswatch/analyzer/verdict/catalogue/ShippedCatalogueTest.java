package io.tlswatch.analyzer.verdict.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The catalogue file that ships: loads, and every entry is well-founded. */
class ShippedCatalogueTest {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final InterceptorCatalogue catalogue = InterceptorCatalogue.shipped();

    @Test
    void shippedFileLoadsWithEveryKindOfInterceptor() {
        assertTrue(catalogue.size() >= 30, "entries: " + catalogue.size());
        Set<InterceptorClass> classes = new HashSet<>();
        catalogue.entries().forEach(e -> classes.add(e.interceptorClass()));
        for (InterceptorClass c : InterceptorClass.values()) {
            assertEquals(c != InterceptorClass.SANCTIONED, classes.contains(c), c.jsonName());
        }
    }

    @Test
    void everyEntryCitesAtLeastOneWebSource() {
        for (InterceptorEntry entry : catalogue.entries()) {
            assertFalse(entry.sources().isEmpty(), entry.id());
            for (String source : entry.sources()) {
                assertTrue(source.startsWith("https://") || source.startsWith("http://"), entry.id() + ": " + source);
                assertFalse(source.contains(" "), entry.id() + ": " + source);
            }
            assertFalse(entry.name().isBlank(), entry.id());
            assertTrue(entry.definedAt().startsWith(InterceptorCatalogue.SHIPPED_RESOURCE + ":"), entry.definedAt());
        }
    }

    @Test
    void idsAreUniqueAndEveryHashIsSixtyFourHexDigits() {
        Set<String> ids = new HashSet<>();
        for (InterceptorEntry entry : catalogue.entries()) {
            assertTrue(ids.add(entry.id()), "duplicate id " + entry.id());
            for (String hash : entry.certSha256()) {
                assertTrue(SHA256.matcher(hash).matches(), entry.id() + ": " + hash);
            }
            for (String hash : entry.spkiSha256()) {
                assertTrue(SHA256.matcher(hash).matches(), entry.id() + ": " + hash);
            }
        }
    }

    @Test
    void rawFileRepeatsNoIdAndNoHashAcrossEntries() throws IOException {
        String text;
        try (InputStream in = InterceptorCatalogue.class.getResourceAsStream(InterceptorCatalogue.SHIPPED_RESOURCE)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> seen = new HashSet<>();
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.startsWith("[") || l.startsWith("cert_sha256") || l.startsWith("spki_sha256")) {
                assertTrue(seen.add(l), "repeated: " + l);
            }
        }
    }

    @Test
    void bundledKazakhRootsTableIsCoveredByHashes() {
        assertKazakhTableCovered(TestResourcesText.x509("interceptors/roots.tsv"), 2);
    }

    @Test
    void allTenSharedKazakhRootsAreCoveredByHashes() throws IOException {
        Path interceptors = SharedCorpus.requireInterceptors();
        assertKazakhTableCovered(Files.readString(interceptors.resolve("roots.tsv")), 10);
    }

    private void assertKazakhTableCovered(String tsv, int rows) {
        List<String> lines = tsv.lines().skip(1).filter(l -> !l.isBlank()).toList();
        assertEquals(rows, lines.size());
        for (String line : lines) {
            String[] cells = line.split("\t");
            InterceptorEntry entry = catalogue.entries().stream()
                    .filter(e -> e.certSha256().contains(cells[2])).findFirst().orElseThrow(() -> new AssertionError(cells[0]));
            assertEquals(InterceptorClass.GOVERNMENT, entry.interceptorClass(), cells[0]);
            assertTrue(entry.spkiSha256().contains(cells[3]), cells[0]);
            assertNotEquals(-1, entry.id().indexOf("kz-"), cells[0]);
        }
    }
}
