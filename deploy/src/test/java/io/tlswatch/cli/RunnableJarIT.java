package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The jar users run (not the test class path) carries what every command loads at run time: a
 * library the build declared for tests only once left {@code index} and {@code dashboard} failing
 * from the jar with a missing class while every test passed.
 */
class RunnableJarIT {
    private static final Path JAR = Path.of(System.getProperty("tlswatch.jar", "target/tlswatch.jar"));

    @Test
    void theJarCarriesWhatEachCommandLoads() throws IOException {
        assumeTrue(Files.isRegularFile(JAR), "the runnable jar was not built: " + JAR);
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String entry : List.of(
                    "io/tlswatch/cli/Tlswatch.class",
                    "picocli/CommandLine.class",
                    "com/fasterxml/jackson/databind/ObjectMapper.class",      // index, dashboard
                    "org/apache/kafka/clients/producer/KafkaProducer.class",  // replay/capture --kafka, index
                    "co/elastic/clients/elasticsearch/ElasticsearchClient.class",
                    "org/elasticsearch/client/RestClient.class",               // dashboard
                    "org/pcap4j/core/PcapHandle.class",                        // capture
                    "com/sun/jna/Native.class",
                    "org/agrona/concurrent/ringbuffer/OneToOneRingBuffer.class",
                    "org/bouncycastle/cert/X509CertificateHolder.class")) {
                assertNotNull(jar.getEntry(entry), "the jar lacks " + entry);
            }
            assertTrue(jar.stream().anyMatch(e -> e.getName().endsWith("chart.umd.min.js")), "the report's Chart.js");
        }
    }
}
