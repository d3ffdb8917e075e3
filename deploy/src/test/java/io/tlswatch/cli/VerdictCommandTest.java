package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.testkit.InterceptionLab;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees of the verdicts on the command line, on traffic through a real sslsplit proxy:
 * the verdict fields in the documents and the prevalence that ends the summary.
 */
class VerdictCommandTest {
    @TempDir
    static Path dir;
    static InterceptionLab.Recording lab;
    private final StringWriter stderr = new StringWriter();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void record() {
        lab = InterceptionLab.record(dir.resolve("lab"));
    }

    private int run(String... args) {
        return Tlswatch.run(args, new PrintWriter(stderr, true));
    }

    private List<JsonNode> sessions(Path out) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            JsonNode d = json.readTree(line);
            if ("session".equals(d.at("/event/kind").asText())) {
                docs.add(d);
            }
        }
        return docs;
    }

    @Test
    void summaryEndsWithThePrevalenceOfInterceptionByInterceptor() throws IOException {
        Path out = dir.resolve("findings.jsonl");
        assertEquals(0, run("replay", "--extra-roots", lab.publicRootCa().toString(), "-o", out.toString(),
                lab.clientSidePcap().toString()));
        String summary = stderr.toString();
        assertTrue(summary.indexOf("  time ") < summary.indexOf("  verdicts "), "the prevalence comes last: " + summary);
        assertTrue(summary.indexOf("  verdicts ") < summary.indexOf("  interceptors "), summary);
        long intercepted = sessions(out).stream().filter(s -> "intercepted".equals(s.at("/tlswatch/verdict").asText())).count();
        assertTrue(intercepted >= 4, summary);
        assertTrue(summary.contains("verdicts      intercepted " + intercepted + " ("), summary);
        assertTrue(summary.contains("government \"Kazakhstan Qaznet Trust Network"), summary);
        assertTrue(summary.contains("[kz-qaznet-trust-network-2019]"), summary);
        assertTrue(summary.contains("www.example.org"), summary);
    }

    @Test
    void sessionDocumentsCarryTheVerdictTheInterceptorAndTheRules() throws IOException {
        Path out = dir.resolve("findings2.jsonl");
        assertEquals(0, run("replay", "-q", "--extra-roots", lab.publicRootCa().toString(), "-o", out.toString(),
                lab.clientSidePcap().toString()));
        JsonNode first = sessions(out).get(0);
        assertEquals("intercepted", first.at("/tlswatch/verdict").asText());
        assertEquals("government", first.at("/tlswatch/interceptor/class").asText());
        assertEquals("kz-qaznet-trust-network-2019", first.at("/tlswatch/interceptor/id").asText());
        assertEquals("known-interceptor", first.at("/tlswatch/rules/0").asText());
        assertEquals("issuer", first.at("/tlswatch/evidence/0/facts/field").asText());
        assertEquals("untrusted_root", first.at("/tlswatch/chain/failures/0").asText());
    }

    @Test
    void aSanctionedCaIsReportedAsSanctioned() throws IOException {
        Path out = dir.resolve("findings3.jsonl");
        assertEquals(0, run("replay", "--extra-roots", lab.publicRootCa().toString(),
                "--sanctioned-ca", lab.interceptionCas().get("corp").toString(), "-o", out.toString(),
                lab.clientSidePcap().toString()));
        assertTrue(stderr.toString().contains("sanctioned \"CN=Example Corp TLS Inspection CA"), stderr.toString());
        assertTrue(sessions(out).stream().anyMatch(s -> "sanctioned".equals(s.at("/tlswatch/interceptor/class").asText())));
    }

    @Test
    void trustStoreRefreshWritesADatedSnapshot() throws IOException {
        Path roots = Files.createDirectories(dir.resolve("roots"));
        Files.copy(lab.publicRootCa(), roots.resolve("a.pem"));
        Files.copy(lab.interceptionCas().get("corp"), roots.resolve("b.pem"));
        Path to = dir.resolve("snapshot");
        StringWriter stdout = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new Tlswatch());
        cli.setOut(new PrintWriter(stdout, true));
        assertEquals(0, cli.execute("truststore", "refresh", "--from", roots.toString(), "--to", to.toString()));
        assertTrue(stdout.toString().contains("(2 roots, 0 entries skipped"), stdout.toString());
        assertTrue(Files.readString(to.resolve("SOURCE.md")).contains("- roots: 2"));
        assertEquals(2, Files.readString(to.resolve("mozilla-roots.pem")).split("BEGIN CERTIFICATE").length - 1);
    }
}
