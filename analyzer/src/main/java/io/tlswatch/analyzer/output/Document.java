package io.tlswatch.analyzer.output;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A finding ready to leave the analyzer: its kind, the key that identifies it across retries and
 * replays (Kafka key, Elasticsearch id), and how to write it as one JSON object.
 */
public interface Document {

    /** What kind of document this is; {@code event.kind} in the JSON. */
    DocumentKind kind();

    /** A stable identity: a session's flow id, a certificate's SHA-256, a rollup's bucket key. */
    String key();

    /** Writes the document as one JSON object (the generator escapes every string). */
    void writeTo(JsonGenerator json) throws IOException;
}
