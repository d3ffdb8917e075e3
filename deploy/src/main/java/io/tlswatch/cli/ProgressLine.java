package io.tlswatch.cli;

import io.tlswatch.analyzer.replay.Replay;
import java.io.PrintWriter;

/**
 * A progress line on stderr, redrawn in place at most four times a second: the file, how far
 * through it, packets so far and the rate. Off unless stderr is a terminal (the launcher tells us)
 * or the user asks for it.
 */
final class ProgressLine implements Replay.ProgressListener {
    /** When to show progress. */
    enum Mode {
        auto, always, never;

        boolean enabled() {
            return this == always || this == auto && Boolean.getBoolean("tlswatch.stderr.tty");
        }
    }

    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean enabled;
    private final long started = System.nanoTime();
    private long lastDraw;
    private int lastWidth;

    ProgressLine(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void progress(String source, long position, long size, long packetsSoFar) {
        if (!enabled) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        String percent = size > 0 ? String.format(" %3d%%", Math.min(100, position * 100 / size)) : "";
        String line = String.format("%s%s  %,d packets  %,.0f packets/s", shorten(source), percent,
                packetsSoFar, packetsSoFar / seconds);
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        err.flush();
        lastWidth = line.length();
    }

    /** Removes the line, so the summary starts on a clean one. */
    void clear() {
        if (enabled && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            err.flush();
        }
    }

    private static String shorten(String name) {
        return name.length() <= 48 ? name : "..." + name.substring(name.length() - 45);
    }
}
