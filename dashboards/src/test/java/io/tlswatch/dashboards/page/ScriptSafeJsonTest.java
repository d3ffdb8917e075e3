package io.tlswatch.dashboards.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class ScriptSafeJsonTest {

    @Test
    void aServerNameThatClosesTheScriptElementStaysInsideIt() {
        String json = "{\"server_name\":\"</script><script>alert(1)</script>\"}";
        String safe = ScriptSafeJson.of(json);
        assertEquals("{\"server_name\":\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e\"}", safe);
        assertFalse(safe.contains("<"));
    }

    @Test
    void ampersandsCommentOpenersAndJavaScriptLineEndsAreEscaped() {
        assertEquals("\"a \\u0026 b \\u003c!-- c \\u2028 d \\u2029\"", ScriptSafeJson.of("\"a & b <!-- c \u2028 d \u2029\""));
    }

    @Test
    void everythingElseIsLeftAsItIs() {
        String json = "{\"n\":[1,2.5,true,null],\"s\":\"Qaznet Trust Network \\\"KZ\\\" ü 漢\"}";
        assertEquals(json, ScriptSafeJson.of(json));
    }
}
