package io.tlswatch.analyzer.output.kafka;

/**
 * One record waiting in the spool: where it goes and what it is.
 *
 * @param key null for a record without a key
 */
public record SpoolRecord(String topic, byte[] key, byte[] value) {
}
