package io.tlswatch.analyzer.golden;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The string values of a JSON document (RFC 8259), each with the field that holds it and its path
 * ("sessions3[].body.tls.ja3[]"): enough to pick fingerprints out of the peers' JSON outputs
 * without binding their layouts. Numbers, booleans and nulls are left out.
 */
final class JsonLeaves {
    private static final JsonFactory JSON = new JsonFactory();

    /**
     * @param path the fields and arrays from the root, '.' between fields, "[]" for an array
     * @param field the innermost field name (an array's elements carry the array's field)
     * @param value the string
     */
    record Leaf(String path, String field, String value) {
    }

    private JsonLeaves() {
    }

    static List<Leaf> of(String json) {
        try (JsonParser parser = JSON.createParser(json)) {
            List<Leaf> out = new ArrayList<>();
            if (parser.nextToken() != null) {
                walk(parser, "", "", out);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leaves whose field looks like a fingerprint (its name mentions ja3 or ja4). */
    static List<Leaf> fingerprintFields(List<Leaf> leaves) {
        return leaves.stream().filter(leaf -> Fingerprint.looksLikeOne(leaf.field())).toList();
    }

    private static void walk(JsonParser parser, String path, String field, List<Leaf> out) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    walk(parser, path.isEmpty() ? name : path + "." + name, name, out);
                }
            }
            case START_ARRAY -> {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    walk(parser, path + "[]", field, out);
                }
            }
            case VALUE_STRING -> out.add(new Leaf(path, field, parser.getText()));
            default -> {
            }
        }
    }
}
