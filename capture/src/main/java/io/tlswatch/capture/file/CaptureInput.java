package io.tlswatch.capture.file;

/**
 * An opened capture stream as the readers see it: its name for messages, the window they parse,
 * and where progress is measured (the compressed bytes of a gzip file, else the bytes consumed).
 */
final class CaptureInput {
    private final String name;
    private final ReadBuffer buffer;
    private final CountingInputStream compressed;
    private final long size;

    /**
     * @param compressed the raw stream under a decompressor, or {@code null} when the data is not compressed
     * @param size total raw bytes, or -1 when unknown
     */
    CaptureInput(String name, ReadBuffer buffer, CountingInputStream compressed, long size) {
        this.name = name;
        this.buffer = buffer;
        this.compressed = compressed;
        this.size = size;
    }

    String name() {
        return name;
    }

    ReadBuffer buffer() {
        return buffer;
    }

    long position() {
        return compressed != null ? compressed.count() : buffer.offset();
    }

    long size() {
        return size;
    }
}
