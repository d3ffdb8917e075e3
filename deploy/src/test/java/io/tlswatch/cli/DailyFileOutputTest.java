package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Day-boundary rotation of the capture's output: a new file per UTC day, no document cut in two. */
class DailyFileOutputTest {
    @TempDir
    Path dir;

    /** A clock the test moves. */
    private static final class StepClock extends Clock {
        Instant now;

        StepClock(String at) {
            now = Instant.parse(at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static void write(DailyFileOutput out, String text) throws Exception {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    private String read(String name) throws Exception {
        return Files.readString(dir.resolve(name));
    }

    @Test
    void documentInProgressAtMidnightEndsInTheOldFileAndTheNextStartsTheNewOne() throws Exception {
        StepClock clock = new StepClock("2026-03-31T23:59:59Z");
        try (DailyFileOutput out = new DailyFileOutput(dir.resolve("findings-%Y-%m-%d.jsonl").toString(), clock)) {
            write(out, "{\"a\":1}\n{\"b\":");
            clock.now = Instant.parse("2026-04-01T00:00:01Z");
            write(out, "2}\n{\"c\":3}\n{\"d\"");
            write(out, ":4}\n");
            assertEquals(dir.resolve("findings-2026-04-01.jsonl"), out.current());
        }
        assertEquals("{\"a\":1}\n{\"b\":2}\n", read("findings-2026-03-31.jsonl"));
        assertEquals("{\"c\":3}\n{\"d\":4}\n", read("findings-2026-04-01.jsonl"));
    }

    @Test
    void aWriteThatEndsOnALineBoundarySwitchesAtTheNextWrite() throws Exception {
        StepClock clock = new StepClock("2026-12-31T23:00:00Z");
        try (DailyFileOutput out = new DailyFileOutput(dir.resolve("f-%Y%m%d.jsonl").toString(), clock)) {
            write(out, "{\"a\":1}\n");
            clock.now = Instant.parse("2027-01-01T00:00:00Z");
            write(out, "{\"b\":2}\n");
        }
        assertEquals("{\"a\":1}\n", read("f-20261231.jsonl"));
        assertEquals("{\"b\":2}\n", read("f-20270101.jsonl"));
    }

    @Test
    void aNameWithoutADateIsOneFileAppendedAcrossDaysAndRestarts() throws Exception {
        StepClock clock = new StepClock("2026-03-31T23:59:59Z");
        Path file = dir.resolve("findings.jsonl");
        try (DailyFileOutput out = new DailyFileOutput(file.toString(), clock)) {
            write(out, "{\"a\":1}\n");
            clock.now = Instant.parse("2026-04-02T00:00:00Z");
            write(out, "{\"b\":2}\n");
        }
        try (DailyFileOutput out = new DailyFileOutput(file.toString(), clock)) {
            write(out, "{\"c\":3}\n");
        }
        assertEquals("{\"a\":1}\n{\"b\":2}\n{\"c\":3}\n", read("findings.jsonl"));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }
}
