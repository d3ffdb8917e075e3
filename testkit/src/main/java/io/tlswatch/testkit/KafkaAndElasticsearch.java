package io.tlswatch.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The real pair most end-to-end tests need, started together and stopped together: a Kafka broker
 * in this JVM and an Elasticsearch node beside it, both on loopback. One per test class
 * ({@code @BeforeAll} / {@code @AfterAll}): they take seconds to start.
 */
public final class KafkaAndElasticsearch implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final KafkaBroker broker;
    private final ElasticsearchNode elasticsearch;

    private KafkaAndElasticsearch(KafkaBroker broker, ElasticsearchNode elasticsearch) {
        this.broker = broker;
        this.elasticsearch = elasticsearch;
    }

    /** Elasticsearch first (the slower one, and it skips the test where it is not unpacked), then Kafka. */
    public static KafkaAndElasticsearch launch(int partitions) {
        ElasticsearchNode elasticsearch = ElasticsearchNode.launch();
        try {
            return new KafkaAndElasticsearch(KafkaBroker.launch(partitions), elasticsearch);
        } catch (RuntimeException | Error e) {
            elasticsearch.close();
            throw e;
        }
    }

    public KafkaBroker broker() {
        return broker;
    }

    public ElasticsearchNode elasticsearch() {
        return elasticsearch;
    }

    /** POSTs {@code body} (JSON, or nothing when null) to Elasticsearch's {@code path}; the response body. */
    public String post(String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(elasticsearch.url() + path))
                .header("content-type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        try {
            broker.close();
        } finally {
            elasticsearch.close();
        }
    }
}
