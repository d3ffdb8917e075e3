package io.tlswatch.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The interception lab's manifest, read back row by row, and what a broken one is told. */
class LabConnectionTest {
    private static final String INTERCEPTED = "1\t43160\twww.example.org\tproxied\tqaznet\tqaznet\t1.2\t0"
            + "\tintercepted-by-qaznet\tyes\t24001";
    private static final String CLEAN = "3\t55708\twww.example.org\tdirect\t-\tpublic\t1.2\t0\tclean\tyes\t24000";
    private static final String REJECTED = "7\t43178\twww.example.org\tproxied\tqaznet\tpublic\t1.3\t60\trejected\tno\t24001";

    @TempDir
    Path dir;

    private Path manifest(String... lines) throws IOException {
        return Files.write(dir.resolve("manifest.tsv"), List.of(lines));
    }

    @Test
    void readsEveryRowAfterTheHeader() throws IOException {
        List<LabConnection> rows = LabConnection.readManifest(manifest(LabConnection.HEADER, INTERCEPTED, CLEAN, REJECTED, ""));
        assertEquals(List.of(1, 3, 7), rows.stream().map(LabConnection::order).toList());
        assertEquals(new LabConnection(1, 43160, "www.example.org", true, "qaznet", "qaznet", "1.2", 0,
                "intercepted-by-qaznet", true, 24001), rows.get(0));
    }

    @Test
    void interceptedRowNamesItsProxyAndWasAccepted() {
        LabConnection row = LabConnection.parse(INTERCEPTED);
        assertTrue(row.intercepted());
        assertTrue(row.accepted());
        assertFalse(row.rejected());
    }

    @Test
    void directRowHasNoProxy() {
        LabConnection row = LabConnection.parse(CLEAN);
        assertFalse(row.proxied());
        assertNull(row.proxy());
        assertFalse(row.intercepted());
    }

    @Test
    void rejectedRowWasNotAcceptedAndHidItsCertificate() {
        LabConnection row = LabConnection.parse(REJECTED);
        assertTrue(row.rejected());
        assertFalse(row.accepted());
        assertFalse(row.intercepted());
        assertFalse(row.certificateVisible());
        assertEquals(60, row.clientExit());
    }

    @Test
    void manifestWithoutTheHeaderIsRefused() throws IOException {
        Path noHeader = manifest(INTERCEPTED);
        assertThrows(IllegalArgumentException.class, () -> LabConnection.readManifest(noHeader));
    }

    @Test
    void brokenRowsAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> LabConnection.parse(INTERCEPTED.replace("\tyes", "")));
        assertThrows(IllegalArgumentException.class, () -> LabConnection.parse(CLEAN.replace("direct", "tunnel")));
        assertThrows(IllegalArgumentException.class, () -> LabConnection.parse(CLEAN.replace("\tyes", "\ttrue")));
        assertThrows(NumberFormatException.class, () -> LabConnection.parse(CLEAN.replace("55708", "port")));
    }
}
