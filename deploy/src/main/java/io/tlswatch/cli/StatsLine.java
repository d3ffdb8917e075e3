package io.tlswatch.cli;

import io.tlswatch.capture.live.InterfaceStats;
import java.util.List;
import java.util.Locale;

/**
 * The line a live capture writes to stderr every stats interval: per interface, packets read and
 * every kind of loss over the interval, with totals, e.g.
 * {@code tlswatch capture: lo +1,200 pkts (1.3 MB) lost +0 [kernel +0, interface +0, ours +0]; total 50,000 pkts, lost 0}.
 */
final class StatsLine {
    private StatsLine() {
    }

    static String format(List<InterfaceStats> interfaces) {
        StringBuilder line = new StringBuilder("tlswatch capture:");
        String separator = " ";
        for (InterfaceStats s : interfaces) {
            long lost = s.kernelDropped() + s.interfaceDropped() + s.droppedByUs();
            line.append(separator).append(String.format(Locale.ROOT,
                    "%s +%,d pkts (%.1f MB) lost +%,d [kernel +%,d, interface +%,d, ours +%,d]; total %,d pkts, lost %,d",
                    s.interfaceName(), s.deltaDelivered(), s.deltaDeliveredBytes() / 1e6, s.deltaLost(),
                    s.deltaKernelDropped(), s.deltaInterfaceDropped(), s.deltaDroppedByUs(), s.delivered(), lost));
            separator = " | ";
        }
        return line.toString();
    }
}
