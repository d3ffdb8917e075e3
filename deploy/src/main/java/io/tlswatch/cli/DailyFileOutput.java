package io.tlswatch.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The output file of a long capture, named by a pattern with the UTC date ({@code %Y}, {@code %m},
 * {@code %d}, e.g. {@code findings-%Y-%m-%d.jsonl}), switched to the next day's file at the first
 * line boundary after midnight: bytes come one JSON document per line, so no document is ever cut
 * between two files and none is lost (a document begun before midnight ends in the old file). A
 * file is appended to, so a restart the same day keeps what was written. A name without a date
 * field is one file for the whole run.
 */
final class DailyFileOutput extends OutputStream {
    private final String pattern;
    private final Clock clock;
    private final boolean dated;
    private LocalDate day;
    private OutputStream out;
    private boolean atLineStart = true;

    DailyFileOutput(String pattern, Clock clock) throws IOException {
        this.pattern = pattern;
        this.clock = clock;
        this.dated = isPattern(pattern);
        this.day = today();
        this.out = open(day);
    }

    /** Whether the name changes with the date. */
    static boolean isPattern(String name) {
        return name.contains("%Y") || name.contains("%m") || name.contains("%d");
    }

    /** The file name for a day. */
    static String name(String pattern, LocalDate day) {
        return pattern.replace("%Y", String.format("%04d", day.getYear()))
                .replace("%m", String.format("%02d", day.getMonthValue()))
                .replace("%d", String.format("%02d", day.getDayOfMonth()));
    }

    /** The file written now. */
    Path current() {
        return Path.of(name(pattern, day));
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private OutputStream open(LocalDate d) throws IOException {
        Path file = Path.of(name(pattern, d));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new IOException("cannot write " + file + ": no such directory " + parent);
        }
        return Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int offset, int length) throws IOException {
        if (length <= 0) {
            return;
        }
        int end = offset + length;
        int from = offset;
        if (dated && !today().equals(day)) {
            if (!atLineStart) {
                // Finish the document in progress in the file it began in.
                int newline = indexOf(b, from, end);
                if (newline < 0) {
                    out.write(b, from, end - from);
                    return;
                }
                out.write(b, from, newline + 1 - from);
                from = newline + 1;
                atLineStart = true;
            }
            rotate();
            if (from == end) {
                return;
            }
        }
        out.write(b, from, end - from);
        atLineStart = b[end - 1] == '\n';
    }

    private void rotate() throws IOException {
        LocalDate now = today();
        OutputStream next = open(now);
        out.close();
        out = next;
        day = now;
    }

    private static int indexOf(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
