package io.tlswatch.dashboards.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access token: read from a file, long enough, matched exactly; the cookie that carries it. */
class AccessTokenTest {
    @TempDir
    Path dir;

    @Test
    void theTokenIsTheFilesFirstLineAndOnlyItMatches() throws Exception {
        AccessToken token = AccessToken.fromFile(Files.writeString(dir.resolve("t"), "  0123456789abcdef-xyz \nignored\n"));
        assertTrue(token.matches("0123456789abcdef-xyz"));
        assertFalse(token.matches("0123456789abcdef-xy"));
        assertFalse(token.matches("0123456789abcdef-xyz "));
        assertFalse(token.matches(""));
        assertFalse(token.matches(null));
    }

    @Test
    void aShortOrOversizedTokenIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AccessToken.of("fifteen-chars!!"));
        assertThrows(IllegalArgumentException.class, () -> AccessToken.of("x".repeat(AccessToken.MAX_LENGTH + 1)));
        assertThrows(java.io.IOException.class, () -> AccessToken.fromFile(
                Files.write(dir.resolve("big"), new byte[70_000])));
    }

    @Test
    void theCookieIsFoundAmongOthersAndABadOneIsNone() {
        assertEquals("abc def", RequestAuthorization.cookie("a=1; tlswatch_token=abc%20def; b=2"));
        assertNull(RequestAuthorization.cookie("a=1"));
        assertNull(RequestAuthorization.cookie("tlswatch_token=%zz"));
        assertNull(RequestAuthorization.cookie(null));
    }
}
