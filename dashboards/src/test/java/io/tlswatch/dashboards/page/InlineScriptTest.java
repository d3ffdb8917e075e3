package io.tlswatch.dashboards.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InlineScriptTest {

    @Test
    void aScriptThatWouldEndOrUnbalanceItsElementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> InlineScript.of("a", "var s = '</SCRIPT>';"));
        assertThrows(IllegalArgumentException.class, () -> InlineScript.of("b", "var s = '<!--';"));
    }

    @Test
    void theSourceMapCommentGoesSoThePageAsksForNothing() {
        InlineScript s = InlineScript.of("lib", "var a=1;\n//# sourceMappingURL=lib.min.js.map");
        assertEquals("var a=1;\n", s.text());
    }

    @Test
    void theHashIsTheBase64Sha256OfTheTextAsCspWantsIt() {
        // echo -n 'alert(1)' | openssl dgst -sha256 -binary | base64
        assertEquals("'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='", InlineScript.of("t", "alert(1)").cspHash());
    }

    @Test
    void chartJsFromItsWebjarCanBeInlined() {
        InlineScript chart = InlineScript.of("Chart.js", PageResources.chartLibrary());
        assertTrue(chart.text().length() > 100_000, "the whole library");
        assertFalse(chart.text().contains("sourceMappingURL"));
        assertEquals("4.5.1", PageResources.chartLibraryVersion());
    }
}
