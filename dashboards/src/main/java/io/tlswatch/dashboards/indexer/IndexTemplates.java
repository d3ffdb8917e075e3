package io.tlswatch.dashboards.indexer;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Installs the composable templates the indexer's targets need, from this package's
 * {@code templates/} resources: the component {@code tlswatch-ecs} (the ECS fields every document
 * shares, strings as keywords) and an index template per kind: data streams for sessions, rollups
 * and stats, a plain index for certificates; ip, keyword, date and long where ECS says so. Each
 * install is a PUT of the whole template, so installing again changes nothing.
 */
public final class IndexTemplates {
    private static final String COMPONENT = "tlswatch-ecs";
    /** The index templates, each named after its resource. */
    static final List<String> INDEX_TEMPLATES = List.of("tlswatch-sessions", "tlswatch-certificates",
            "tlswatch-rollups", "tlswatch-stats");

    private IndexTemplates() {
    }

    public static void install(ElasticsearchClient es) throws IOException {
        try (InputStream in = resource("component-" + COMPONENT)) {
            es.cluster().putComponentTemplate(b -> b.name(COMPONENT).withJson(in));
        }
        for (String name : INDEX_TEMPLATES) {
            try (InputStream in = resource("index-" + name)) {
                es.indices().putIndexTemplate(b -> b.name(name).withJson(in));
            }
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = IndexTemplates.class.getResourceAsStream("templates/" + name + ".json");
        if (in == null) {
            throw new IOException("template " + name + " is missing from the jar");
        }
        return in;
    }
}
