package io.tlswatch.analyzer.flow;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tlswatch.analyzer.output.Document;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document as a user reads it: the JSON text the sink writes, and its fields by dotted path
 * ({@code "tls.client.server_name"}), read back with Jackson's streaming parser.
 */
final class JsonDocument {
    private static final JsonFactory JSON = new JsonFactory();

    private final String text;
    private final Map<String, Object> root;

    private JsonDocument(String text, Map<String, Object> root) {
        this.text = text;
        this.root = root;
    }

    static JsonDocument of(Document document) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            document.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = out.toString();
        try (JsonParser p = JSON.createParser(text)) {
            p.nextToken();
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(p);
            return new JsonDocument(text, root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON text, as one line. */
    String text() {
        return text;
    }

    /** The value at a dotted path: a String, Long, Double, Boolean, List or Map, or null where absent. */
    Object get(String path) {
        Object at = root;
        for (String name : path.split("\\.")) {
            if (!(at instanceof Map<?, ?> map)) {
                return null;
            }
            at = map.get(name);
        }
        return at;
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

    private static Object value(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    map.put(name, value(p));
                }
                return map;
            }
            case START_ARRAY: {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(value(p));
                }
                return list;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
                return p.getLongValue();
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
            case VALUE_FALSE:
                return p.getBooleanValue();
            default:
                return null;
        }
    }
}
