package io.tlswatch.analyzer.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.tlswatch.analyzer.output.Document;
import io.tlswatch.analyzer.x509.JsonTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A document as a user reads it: the JSON text the sink writes, and its fields by dotted path
 * ({@code "tls.client.server_name"}).
 */
final class JsonDocument {
    private static final JsonFactory JSON = new JsonFactory();

    private final String text;
    private final Map<String, Object> root;

    private JsonDocument(String text) {
        this.text = text;
        this.root = JsonTree.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static JsonDocument of(Document document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            document.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new JsonDocument(out.toString());
    }

    /** The JSON text, as one line. */
    String text() {
        return text;
    }

    /** The value at a dotted path: a String, Long, Boolean, List or Map, or null where absent. */
    Object get(String path) {
        return JsonTree.at(root, path);
    }

    String string(String path) {
        Object v = get(path);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String path) {
        Object v = get(path);
        return v == null ? List.of() : (List<Object>) v;
    }

    boolean has(String path) {
        return get(path) != null;
    }

    @Override
    public String toString() {
        return text;
    }
}
