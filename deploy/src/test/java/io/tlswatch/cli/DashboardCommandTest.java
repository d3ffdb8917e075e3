package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code tlswatch dashboard}'s command line: what it requires, refuses and defaults to. */
class DashboardCommandTest {
    private final StringWriter stderr = new StringWriter();

    @TempDir
    Path dir;

    private int run(String... args) {
        return Tlswatch.run(args, new PrintWriter(stderr, true), Map.of());
    }

    @Test
    void withoutElasticsearchItIsAUsageError() {
        assertEquals(Tlswatch.EXIT_USAGE, run("dashboard"));
        assertTrue(stderr.toString().contains("--elasticsearch"), stderr.toString());
    }

    @Test
    void aTokenFileWithTooShortATokenIsRefusedBeforeAnythingListens() throws IOException {
        Path token = Files.writeString(dir.resolve("token"), "short\n");
        assertEquals(Tlswatch.EXIT_FAILURE, run("dashboard", "--elasticsearch", "http://127.0.0.1:9", "--port", "0",
                "--token-file", token.toString()));
        assertTrue(stderr.toString().contains("16"), stderr.toString());
    }

    @Test
    void itListensOnLoopbackPort8080ByDefaultAndIsListedAmongTheCommands() {
        CommandLine dashboard = Tlswatch.commandLine().getSubcommands().get("dashboard");
        assertEquals("127.0.0.1", dashboard.getCommandSpec().findOption("--bind").defaultValue());
        assertEquals("8080", dashboard.getCommandSpec().findOption("--port").defaultValue());
        assertEquals(Tlswatch.EXIT_USAGE, run());
        assertTrue(stderr.toString().contains("dashboard"), stderr.toString());
    }
}
