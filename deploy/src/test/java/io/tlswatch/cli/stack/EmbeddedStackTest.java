package io.tlswatch.cli.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stack's order: services start in order, reading what earlier ones published, and stop in reverse. */
class EmbeddedStackTest {
    private final List<String> events = new ArrayList<>();
    private final StringWriter progress = new StringWriter();
    private final StackContext context = new StackContext(Path.of("data"), new PrintWriter(progress));

    /** A service that records its start and stop, publishes an address and needs another's. */
    private final class Fake implements StackService {
        private final String name;
        private final String needs;
        private final boolean fails;

        Fake(String name, String needs, boolean fails) {
            this.name = name;
            this.needs = needs;
            this.fails = fails;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start(StackContext c) throws IOException {
            if (fails) {
                throw new IOException(name + " cannot start");
            }
            events.add("start " + name + (needs == null ? "" : " with " + c.address(needs)));
            c.publish(name, name + "://127.0.0.1");
        }

        @Override
        public void stop() {
            events.add("stop " + name);
        }
    }

    @Test
    void servicesStartInOrderSeeEarlierAddressesAndStopInReverse() throws IOException {
        try (EmbeddedStack stack = EmbeddedStack.start(List.of(new Fake("kafka", null, false),
                new Fake("elasticsearch", null, false), new Fake("indexer", "kafka", false)), context)) {
            assertEquals(List.of("kafka", "elasticsearch", "indexer"), List.copyOf(stack.context().addresses().keySet()));
        }
        assertEquals(List.of("start kafka", "start elasticsearch", "start indexer with kafka://127.0.0.1",
                "stop indexer", "stop elasticsearch", "stop kafka"), events);
        assertTrue(progress.toString().contains("tlswatch: starting elasticsearch ..."), progress.toString());
        assertTrue(progress.toString().contains("tlswatch: stopping kafka"), progress.toString());
    }

    @Test
    void aServiceThatCannotStartStopsTheOnesStartedAndSaysWhy() {
        IOException e = assertThrows(IOException.class, () -> EmbeddedStack.start(List.of(new Fake("kafka", null, false),
                new Fake("elasticsearch", null, true), new Fake("indexer", "kafka", false)), context));

        assertEquals("elasticsearch cannot start", e.getMessage());
        assertEquals(List.of("start kafka", "stop elasticsearch", "stop kafka"), events,
                "the failed service is asked to stop too (it may have half-started), the indexer never starts");
    }

    @Test
    void closingTwiceStopsEachServiceOnce() throws IOException {
        EmbeddedStack stack = EmbeddedStack.start(List.of(new Fake("kafka", null, false)), context);
        stack.close();
        stack.close();
        assertEquals(List.of("start kafka", "stop kafka"), events);
    }

    @Test
    void aServiceNeedingAnAddressNobodyPublishedIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedStack.start(List.of(new Fake("indexer", "kafka", false)), context));
        assertTrue(e.getMessage().contains("kafka"), e.getMessage());
        assertEquals(List.of("stop indexer"), events);
    }
}
