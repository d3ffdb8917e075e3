package io.tlswatch.dashboards.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Kibana saved objects in {@code dashboards/kibana/*.ndjson} (no Kibana runs here): every
 * field they aggregate on, query or take time from is mapped by the index template behind their
 * data view, and every reference between them resolves.
 */
class KibanaObjectsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEMPLATES = "/io/tlswatch/dashboards/indexer/templates/";
    /** A field name before a colon in a KQL query: {@code tlswatch.verdict : "intercepted"}. */
    private static final Pattern KQL_FIELD = Pattern.compile("([A-Za-z_@][\\w.@]*)\\s*:");

    private static final Map<String, JsonNode> objects = new HashMap<>();

    @BeforeAll
    static void readObjects() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("kibana"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".ndjson")).toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.isBlank()) {
                        JsonNode o = JSON.readTree(line);
                        objects.put(o.path("type").asText() + ":" + o.path("id").asText(), o);
                    }
                }
            }
        }
    }

    private static List<JsonNode> ofType(String type) {
        return objects.entrySet().stream().filter(e -> e.getKey().startsWith(type + ":")).map(Map.Entry::getValue).toList();
    }

    private static JsonNode resource(String name) throws IOException {
        try (InputStream in = KibanaObjectsTest.class.getResourceAsStream(TEMPLATES + name + ".json")) {
            assertNotNull(in, name);
            return JSON.readTree(in);
        }
    }

    /** Every field the index template matching {@code dataViewTitle} maps, with its component's, as dotted paths. */
    static Set<String> mappedFields(String dataViewTitle) throws IOException {
        for (String name : List.of("tlswatch-sessions", "tlswatch-rollups", "tlswatch-stats", "tlswatch-certificates")) {
            JsonNode template = resource("index-" + name);
            List<String> patterns = new ArrayList<>();
            template.path("index_patterns").forEach(p -> patterns.add(p.asText()));
            if (patterns.contains(dataViewTitle)) {
                Set<String> fields = new HashSet<>();
                for (JsonNode component : template.path("composed_of")) {
                    flatten("", resource("component-" + component.asText()).path("template").path("mappings")
                            .path("properties"), fields);
                }
                flatten("", template.path("template").path("mappings").path("properties"), fields);
                return fields;
            }
        }
        throw new AssertionError("no index template has the pattern " + dataViewTitle);
    }

    private static void flatten(String prefix, JsonNode properties, Set<String> out) {
        properties.fields().forEachRemaining(e -> {
            String path = prefix + e.getKey();
            if (e.getValue().has("properties")) {
                flatten(path + ".", e.getValue().path("properties"), out);
            } else {
                out.add(path);
            }
        });
    }

    private static JsonNode dataViewOf(JsonNode visualization) {
        for (JsonNode ref : visualization.path("references")) {
            if (ref.path("type").asText().equals("index-pattern")) {
                JsonNode view = objects.get("index-pattern:" + ref.path("id").asText());
                assertNotNull(view, visualization.path("id") + " refers to a data view that is not in the files");
                return view;
            }
        }
        throw new AssertionError(visualization.path("id") + " has no data view");
    }

    /** The fields a visualization uses: its aggregations' and its query's. */
    static Set<String> fieldsUsed(JsonNode visualization) throws IOException {
        Set<String> used = new HashSet<>();
        JsonNode state = JSON.readTree(visualization.path("attributes").path("visState").asText());
        for (JsonNode agg : state.path("aggs")) {
            if (agg.path("params").has("field")) {
                used.add(agg.path("params").path("field").asText());
            }
        }
        JsonNode search = JSON.readTree(visualization.path("attributes").path("kibanaSavedObjectMeta")
                .path("searchSourceJSON").asText());
        Matcher m = KQL_FIELD.matcher(search.path("query").path("query").asText());
        while (m.find()) {
            used.add(m.group(1));
        }
        return used;
    }

    @Test
    void everyDataViewMatchesAnIndexTemplateAndItsTimeFieldIsMapped() throws IOException {
        List<JsonNode> views = ofType("index-pattern");
        assertEquals(4, views.size(), "sessions, rollups, stats, certificates");
        for (JsonNode view : views) {
            String title = view.path("attributes").path("title").asText();
            assertTrue(mappedFields(title).contains(view.path("attributes").path("timeFieldName").asText()), title);
        }
    }

    @Test
    void everyFieldAVisualizationReferencesIsMappedByItsDataViewsTemplate() throws IOException {
        List<JsonNode> visualizations = ofType("visualization");
        assertFalse(visualizations.isEmpty());
        for (JsonNode v : visualizations) {
            Set<String> mapped = mappedFields(dataViewOf(v).path("attributes").path("title").asText());
            Set<String> used = fieldsUsed(v);
            assertFalse(used.isEmpty(), v.path("id") + " uses no field");
            for (String field : used) {
                assertTrue(mapped.contains(field), v.path("id").asText() + " uses " + field
                        + ", which its index template does not map");
            }
        }
    }

    @Test
    void theCheckKnowsTheTemplatesFieldsAndWouldNoticeAnUnmappedOne() throws IOException {
        Set<String> sessions = mappedFields("tlswatch-sessions*");
        assertTrue(sessions.containsAll(List.of("tlswatch.verdict", "tlswatch.interceptor.name", "source.ip",
                "tls.client.server_name", "observer.name", "@timestamp")), sessions.toString());
        assertFalse(sessions.contains("tls.client.sni"));
        assertTrue(mappedFields("tlswatch-stats*").contains("tlswatch.capture.delta.lost"));
        JsonNode broken = JSON.readTree("{\"attributes\":{\"visState\":\"{\\\"aggs\\\":[{\\\"params\\\":{\\\"field\\\":"
                + "\\\"tls.client.sni\\\"}}]}\",\"kibanaSavedObjectMeta\":{\"searchSourceJSON\":"
                + "\"{\\\"query\\\":{\\\"query\\\":\\\"tlswatch.verdit : x\\\"}}\"}}}");
        assertEquals(Set.of("tls.client.sni", "tlswatch.verdit"), fieldsUsed(broken));
    }

    @Test
    void theDashboardShowsEveryVisualizationAndEachPanelResolves() throws IOException {
        List<JsonNode> dashboards = ofType("dashboard");
        assertEquals(1, dashboards.size());
        JsonNode dashboard = dashboards.get(0);
        Map<String, String> refs = new HashMap<>();
        dashboard.path("references").forEach(r -> refs.put(r.path("name").asText(), r.path("id").asText()));
        Set<String> shown = new HashSet<>();
        for (JsonNode panel : JSON.readTree(dashboard.path("attributes").path("panelsJSON").asText())) {
            String id = refs.get(panel.path("panelRefName").asText());
            assertNotNull(objects.get("visualization:" + id), panel.toString());
            shown.add(id);
        }
        assertEquals(ofType("visualization").size(), shown.size());
    }
}
