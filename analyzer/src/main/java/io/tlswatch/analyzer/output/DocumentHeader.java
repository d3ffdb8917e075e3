package io.tlswatch.analyzer.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The fields every document starts with: {@code @timestamp}, {@code event.kind} and
 * {@code event.dataset}, and {@code observer.name} (the sensor), in ECS form.
 */
public final class DocumentHeader {
    private DocumentHeader() {
    }

    /**
     * @param sensor the observer's name, or null to leave it out
     */
    public static void write(JsonGenerator g, DocumentKind kind, long timestampNanos, String sensor)
            throws IOException {
        g.writeStringField("@timestamp", isoTime(timestampNanos));
        g.writeObjectFieldStart("event");
        g.writeStringField("kind", kind.eventKind());
        g.writeStringField("dataset", "tlswatch." + kind.eventKind());
        g.writeEndObject();
        if (sensor != null) {
            g.writeObjectFieldStart("observer");
            g.writeStringField("name", sensor);
            g.writeEndObject();
        }
    }

    /** Nanoseconds since the epoch as an ISO-8601 UTC instant. */
    public static String isoTime(long epochNanos) {
        Instant at = Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L),
                Math.floorMod(epochNanos, 1_000_000_000L));
        return DateTimeFormatter.ISO_INSTANT.format(at);
    }
}
