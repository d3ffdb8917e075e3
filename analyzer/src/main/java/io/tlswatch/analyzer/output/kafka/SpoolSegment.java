package io.tlswatch.analyzer.output.kafka;

import java.nio.file.Path;
import java.util.List;

/**
 * The records of one closed spool segment, read in the order they were written; handed back to
 * {@link Spool#complete(SpoolSegment)} once every one was delivered.
 *
 * @param corruptTail whether reading stopped at a damaged or cut record (the rest was skipped)
 */
public record SpoolSegment(long id, Path file, List<SpoolRecord> records, long bytes, boolean corruptTail) {
}
