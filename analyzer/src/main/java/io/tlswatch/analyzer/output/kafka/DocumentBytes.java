package io.tlswatch.analyzer.output.kafka;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.output.Document;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * Writes documents as compact UTF-8 JSON into byte arrays (a Kafka record's value), through one
 * generator and buffer reused for every document. One thread.
 */
final class DocumentBytes {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
    private final JsonGenerator json;

    DocumentBytes() {
        try {
            JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
            json = factory.createGenerator(buffer, JsonEncoding.UTF8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write to memory", e);
        }
    }

    byte[] of(Document document) throws IOException {
        buffer.reset();
        document.writeTo(json);
        json.flush();
        return buffer.toByteArray();
    }
}
