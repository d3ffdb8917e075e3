package io.tlswatch.cli.stack;

import io.tlswatch.embedded.EmbeddedKafka;
import io.tlswatch.embedded.LoopbackPorts;
import java.io.IOException;

/** The stack's Kafka broker, in this JVM, log under {@code DATA/kafka}; publishes its bootstrap servers. */
final class KafkaService implements StackService {
    /** Partitions per topic the sensors create: room for a few indexers to share them. */
    private static final int PARTITIONS = 3;

    private final int port;
    private EmbeddedKafka kafka;

    /** @param port the client port on 127.0.0.1, 0 for a free one */
    KafkaService(int port) {
        this.port = port;
    }

    @Override
    public String name() {
        return "kafka";
    }

    @Override
    public void start(StackContext context) throws IOException {
        LoopbackPorts.requireFree(port, "Kafka", "--kafka-port");
        kafka = EmbeddedKafka.start(context.dataDir(name()), port, PARTITIONS);
        context.publish(StackContext.KAFKA, kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }
}
