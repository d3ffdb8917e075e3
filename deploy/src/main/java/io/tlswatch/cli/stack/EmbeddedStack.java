package io.tlswatch.cli.stack;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Services started in order and stopped in reverse, once: by {@link #close()}, or by the JVM's
 * shutdown hook on SIGINT/SIGTERM (Ctrl-C), so the Elasticsearch child never outlives tlswatch and
 * the broker closes its log cleanly. A service that fails to start stops those already started.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final List<StackService> services;
    private final StackContext context;
    private final Deque<StackService> started = new ArrayDeque<>();
    private final Thread hook = new Thread(this::stopAll, "tlswatch-stack-stop");

    private EmbeddedStack(List<StackService> services, StackContext context) {
        this.services = List.copyOf(services);
        this.context = context;
    }

    /** Starts every service in order, with a progress line each; stops them all if one fails. */
    public static EmbeddedStack start(List<StackService> services, StackContext context) throws IOException {
        EmbeddedStack stack = new EmbeddedStack(services, context);
        Runtime.getRuntime().addShutdownHook(stack.hook);
        try {
            for (StackService service : stack.services) {
                long t0 = System.nanoTime();
                context.progress("starting " + service.name() + " ...");
                stack.register(service);
                service.start(context);
                context.progress(String.format(Locale.ROOT, "%s up in %.1f s", service.name(),
                        (System.nanoTime() - t0) / 1e9));
            }
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    private synchronized void register(StackService service) {
        started.push(service);
    }

    public StackContext context() {
        return context;
    }

    /** The started service of this type (e.g. the indexer, to wait for it). */
    public <T extends StackService> T service(Class<T> type) {
        return services.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " in the stack"));
    }

    /** Stops every started service in reverse order (idempotent). */
    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or ran
        }
    }

    private void stopAll() {
        StackService service;
        while ((service = next()) != null) {
            context.progress("stopping " + service.name());
            service.stop();
        }
    }

    private synchronized StackService next() {
        return started.poll();
    }
}
