package io.tlswatch.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.output.DocumentHeader;
import io.tlswatch.analyzer.output.DocumentKind;
import io.tlswatch.capture.live.InterfaceStats;
import java.io.IOException;

/**
 * A {@code stats} document: one interface's capture counters at the end of an interval, so the
 * dashboards can show when the monitor was blind. Totals since the interface was opened and the
 * growth since the previous document ({@code tlswatch.capture.delta}, from {@code since} to
 * {@code @timestamp}); {@code delta.lost} adds every kind of drop. {@code final} marks the last
 * document of a run.
 * Keyed by sensor, interface and time, so a retry lands on the same id.
 */
record CaptureStatsDocument(String sensor, InterfaceStats stats, boolean last) implements Document {

    @Override
    public DocumentKind kind() {
        return DocumentKind.STATS;
    }

    @Override
    public String key() {
        return sensor + "/" + stats.interfaceName() + "/" + stats.atNanos();
    }

    @Override
    public void writeTo(JsonGenerator g) throws IOException {
        InterfaceStats s = stats;
        g.writeStartObject();
        DocumentHeader.write(g, DocumentKind.STATS, s.atNanos(), null);
        g.writeObjectFieldStart("observer");
        g.writeStringField("name", sensor);
        g.writeObjectFieldStart("ingress");
        g.writeObjectFieldStart("interface");
        g.writeStringField("name", s.interfaceName());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("tlswatch");
        g.writeObjectFieldStart("capture");
        g.writeBooleanField("final", last);
        g.writeStringField("since", DocumentHeader.isoTime(s.sinceNanos()));
        g.writeNumberField("interval_seconds", (s.atNanos() - s.sinceNanos()) / 1e9);
        counters(g, s.received(), s.kernelDropped(), s.interfaceDropped(), s.delivered(), s.droppedByUs(),
                s.deliveredBytes());
        g.writeObjectFieldStart("delta");
        counters(g, s.deltaReceived(), s.deltaKernelDropped(), s.deltaInterfaceDropped(), s.deltaDelivered(),
                s.deltaDroppedByUs(), s.deltaDeliveredBytes());
        g.writeNumberField("lost", s.deltaLost());
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void counters(JsonGenerator g, long received, long kernelDropped, long interfaceDropped,
                                 long delivered, long droppedByUs, long bytes) throws IOException {
        g.writeNumberField("received", received);
        g.writeNumberField("kernel_dropped", kernelDropped);
        g.writeNumberField("interface_dropped", interfaceDropped);
        g.writeNumberField("delivered", delivered);
        g.writeNumberField("dropped_by_us", droppedByUs);
        g.writeNumberField("bytes", bytes);
    }
}
