package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.testkit.KafkaBroker;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sensor publishes to a broker that only speaks TLS, with the trust store and its password in
 * the file given to {@code --kafka-config} (never on the command line): the documents arrive; the
 * same sensor without that file cannot publish, and says so instead of losing them silently.
 */
class KafkaOverTlsTest {
    private static final String PASSWORD = "changeit-" + Long.toHexString(System.nanoTime());
    private static final Path SAMPLE = SharedCorpus.repoRoot().resolve("deploy/samples/handshakes.pcap");

    @TempDir
    static Path dir;
    private static KafkaBroker broker;
    private static Path clientProperties;

    @BeforeAll
    static void start() throws Exception {
        Path keyStore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.crt");
        Path trustStore = dir.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(),
                "-storepass", PASSWORD);
        keytool("-exportcert", "-alias", "broker", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", certificate.toString(), "-storetype", "PKCS12",
                "-keystore", trustStore.toString(), "-storepass", PASSWORD);
        broker = KafkaBroker.launch(1, new KafkaBroker.Tls(keyStore, PASSWORD));
        clientProperties = dir.resolve("kafka-client.properties");
        Files.writeString(clientProperties, String.join("\n",
                "security.protocol=SSL",
                "ssl.truststore.location=" + trustStore,
                "ssl.truststore.type=PKCS12",
                "ssl.truststore.password=" + PASSWORD) + "\n");
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void documentsArriveOverTlsWithTheSecretsFromAFile() throws IOException {
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"replay", "--sensor", "tls", "--kafka", broker.bootstrapServers(),
                "--kafka-config", clientProperties.toString(), "--topic-prefix", "tls", "--spool", dir.resolve("spool").toString(),
                "--progress", "never", SAMPLE.toString()}, new PrintWriter(err, true), Map.of());

        assertEquals(0, status, err.toString());
        assertTrue(err.toString().contains("lost 0;"), err.toString());
        List<ConsumerRecord<byte[], byte[]>> sessions = broker.readAll(List.of("tls.sessions"), 4, Duration.ofSeconds(30),
                clientProperties);
        assertEquals(4, sessions.size(), "the sample's four sessions, read back over TLS");
        assertTrue(!err.toString().contains(PASSWORD), "the password is not echoed");
    }

    @Test
    void withoutTheTrustStoreNothingIsPublishedAndTheSummarySaysWhereItWent() throws IOException {
        // Plaintext, with short timeouts so the test does not wait for the default two minutes.
        Path plaintext = dir.resolve("plaintext.properties");
        Files.writeString(plaintext, "delivery.timeout.ms=3000\nrequest.timeout.ms=1500\nlinger.ms=0\nmax.block.ms=2000\n");
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"replay", "--sensor", "tls", "--kafka", broker.bootstrapServers(),
                "--kafka-config", plaintext.toString(), "--kafka-close-timeout", "2", "--topic-prefix", "plain", "--spool", dir.resolve("spool-plain").toString(), "--progress", "never",
                SAMPLE.toString()}, new PrintWriter(err, true), Map.of());

        String summary = err.toString();
        assertEquals(0, status, summary);
        assertTrue(summary.matches("(?s).*acknowledged 0, spooled [1-9][0-9]*,.*"),
                "a plaintext client gets nothing acknowledged by a TLS listener; the spool keeps it: " + summary);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, p.exitValue(), output);
    }
}
