package io.tlswatch.analyzer.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Writes one JSON document per line (JSON Lines, https://jsonlines.org) to a stream. */
public final class JsonLinesSink implements DocumentSink {
    private final JsonGenerator json;
    private long documents;

    /** @param out where to write; closed with the sink unless it is System.out */
    public JsonLinesSink(OutputStream out) throws IOException {
        // Nothing between root values: the sink writes the newline itself. (A pretty printer could
        // do the same, but costs a call per value written.)
        JsonFactory factory = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
        OutputStream buffered = new BufferedOutputStream(out, 1 << 16);
        this.json = factory.createGenerator(buffered, JsonEncoding.UTF8);
        if (out == System.out) {
            this.json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        }
    }

    @Override
    public void accept(Document document) throws IOException {
        document.writeTo(json);
        json.writeRaw('\n');
        documents++;
    }

    @Override
    public void flush() throws IOException {
        json.flush();
    }

    /** Documents written so far. */
    public long documents() {
        return documents;
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
