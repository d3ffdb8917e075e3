package io.tlswatch.dashboards.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report file as bytes: one file, nothing fetched, the data unable to leave its element. */
class ReportPageTest {
    private final String html = ReportPage.html(HostileReport.json());

    @Test
    void thePageRefersToNothingOutsideItself() {
        assertFalse(Pattern.compile("(src|href)\\s*=\\s*[\"']?(https?:|//)", Pattern.CASE_INSENSITIVE).matcher(html).find());
        assertFalse(html.contains("sourceMappingURL"));
        assertTrue(html.contains("default-src 'none'"), "the browser is told to load nothing");
    }

    @Test
    void everyScriptTheBrowserRunsIsAllowedByItsHashAndNoOtherScriptElementExists() {
        Matcher tags = Pattern.compile("<script([^>]*)>").matcher(html);
        int executable = 0;
        int data = 0;
        while (tags.find()) {
            if (tags.group(1).contains("application/json")) {
                data++;
            } else {
                executable++;
            }
        }
        assertEquals(2, executable, "Chart.js and the page's script");
        assertEquals(1, data, "the report data, and the hostile data opened no other element");
        Matcher csp = Pattern.compile("script-src ('sha256-[A-Za-z0-9+/=]+') ('sha256-[A-Za-z0-9+/=]+')\"").matcher(html);
        assertTrue(csp.find());
        assertEquals(InlineScript.of("Chart.js", PageResources.chartLibrary()).cspHash(), csp.group(1));
        assertEquals(InlineScript.of("prevalence.js", PageResources.pageScript()).cspHash(), csp.group(2));
    }

    @Test
    void theDataIsInlinedWithItsMarkupEscaped() {
        int start = html.indexOf("<script id=\"report-data\" type=\"application/json\">");
        int end = html.indexOf("</script>", start);
        String inlined = html.substring(start, end);
        assertFalse(inlined.substring(inlined.indexOf('>') + 1).contains("<"));
        assertTrue(inlined.contains("\\u003cscript\\u003ewindow.__pwned='sni'\\u003c/script\\u003e"));
        assertTrue(inlined.contains("O=Evil \\u0026 Co"));
    }

    @Test
    void aTemplateMarkerPlantedInTheDataIsNotFilled() {
        String page = ReportPage.html("{\"schema\":1,\"title\":\"<!-- tlswatch:scripts -->\"}");
        assertEquals(2, page.split("<script>", -1).length - 1, "the scripts went where the template put them, once");
        assertTrue(page.contains("\\u003c!-- tlswatch:scripts --\\u003e"));
        assertThrows(IllegalStateException.class, () -> Template.fill("a <!-- m --> b <!-- m -->",
                List.of(new Template.Slot("<!-- m -->", "x"))));
    }
}
