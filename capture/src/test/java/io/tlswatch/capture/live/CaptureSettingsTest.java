package io.tlswatch.capture.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The capture settings' defaults and bounds. */
class CaptureSettingsTest {
    @Test
    void defaultsKeepWholePacketsInA64MiBPromiscuousBuffer() {
        CaptureSettings s = CaptureSettings.defaults();
        assertEquals(262_144, s.snapLength());
        assertEquals(64 << 20, s.bufferBytes());
        assertTrue(s.promiscuous());
        assertNull(s.filter());
    }

    @Test
    void outOfRangeValuesAreRefused() {
        CaptureSettings s = CaptureSettings.defaults();
        assertThrows(IllegalArgumentException.class, () -> s.withSnapLength(0));
        assertThrows(IllegalArgumentException.class, () -> s.withSnapLength(262_145));
        assertThrows(IllegalArgumentException.class, () -> s.withBufferBytes(1000));
        assertNull(s.withFilter("  ").filter(), "a blank filter is no filter");
    }
}
