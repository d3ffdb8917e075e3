package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tlswatch.dashboards.indexer.Indexer;
import io.tlswatch.dashboards.indexer.IndexerConfig;
import io.tlswatch.dashboards.live.DashboardConfig;
import io.tlswatch.dashboards.live.DashboardServer;
import io.tlswatch.testkit.KafkaAndElasticsearch;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The path by which a user outgrows one machine: three sensors (three analyzer processes, three
 * captures, three sensor names) publish to one Kafka, two indexers of one group share its
 * partitions into one Elasticsearch, and the dashboard over it counts what the three replays
 * counted: per sensor, and in total their sum.
 */
class ManySensorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> SENSORS = List.of("tap-a", "tap-b", "tap-c");
    private static final List<String> VERDICTS = List.of("intercepted", "suspected", "clean", "not_observable");

    @TempDir
    static Path dir;
    private static KafkaAndElasticsearch stack;
    private static DashboardServer dashboard;
    private static final Map<String, Map<String, Long>> replayed = new HashMap<>();

    @BeforeAll
    static void threeSensorsTwoIndexers() throws Exception {
        stack = KafkaAndElasticsearch.launch(4);
        // Three captures, each its own seed, sites and share of forgeries.
        List<Process> sensors = new ArrayList<>();
        for (int i = 0; i < SENSORS.size(); i++) {
            Path capture = dir.resolve(SENSORS.get(i) + ".pcap");
            StringWriter err = new StringWriter();
            assertEquals(0, Tlswatch.run(new String[] {"synth", "-q", "--flows", "150", "--seed", String.valueOf(11 + i),
                    "--sites", "30", "--forged-share", String.valueOf(0.1 + 0.1 * i), "--write-roots", dir.toString(),
                    "-o", capture.toString()}, new PrintWriter(err, true), Map.of()), err.toString());
            List<String> command = ChildTlswatch.command("replay", "--sensor", SENSORS.get(i), "--kafka", stack.broker().bootstrapServers(),
                    "--topic-prefix", "many", "--spool", dir.resolve("spool-" + i).toString(), "--progress", "never",
                    "--extra-roots", dir.resolve("synth-public-roots.pem").toString(), capture.toString());
            sensors.add(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(dir.resolve(SENSORS.get(i) + ".txt").toFile()).start());
        }
        for (int i = 0; i < SENSORS.size(); i++) {
            Process p = sensors.get(i);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), SENSORS.get(i) + " did not finish");
            String summary = Files.readString(dir.resolve(SENSORS.get(i) + ".txt"));
            assertEquals(0, p.exitValue(), summary);
            assertTrue(summary.contains("lost 0;"), summary);
            Map<String, Long> verdicts = new HashMap<>();
            new SummaryText(summary).shares("verdicts").forEach((v, share) -> verdicts.put(v, share.value()));
            replayed.put(SENSORS.get(i), verdicts);
        }

        // Two indexers in one group, sharing the partitions, until both are idle.
        List<Thread> indexers = new ArrayList<>();
        List<Indexer> running = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Indexer indexer = new Indexer(new IndexerConfig(stack.broker().clientProperties(Map.of()), "many",
                    IndexerConfig.DEFAULT_GROUP, stack.elasticsearch().url(), 200, Duration.ofSeconds(4)));
            running.add(indexer);
            Thread t = new Thread(indexer, "indexer-" + i);
            t.start();
            indexers.add(t);
        }
        for (Thread t : indexers) {
            t.join(TimeUnit.MINUTES.toMillis(3));
        }
        // Which indexer gets which partitions is the group's choice (one may take all when it joins
        // first); together they index everything once, which the dashboard's totals show.
        for (Indexer indexer : running) {
            assertEquals(0, indexer.counters().deadLettered());
            indexer.close();
        }
        stack.post("/_refresh", null);
        dashboard = DashboardServer.start(new DashboardConfig(stack.elasticsearch().url(), null, 0, null));
    }

    @AfterAll
    static void stop() throws IOException {
        if (dashboard != null) {
            dashboard.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void theDashboardCountsEachSensorAndTheirSum() throws Exception {
        Map<String, Long> sum = new HashMap<>();
        for (String sensor : SENSORS) {
            Map<String, Long> shown = verdicts(report("?sensor=" + sensor));
            Map<String, Long> said = replayed.get(sensor);
            for (String v : VERDICTS) {
                assertEquals(said.getOrDefault(v, 0L), shown.getOrDefault(v, 0L), sensor + " " + v);
                sum.merge(v, said.getOrDefault(v, 0L), Long::sum);
            }
        }
        assertTrue(sum.get("intercepted") > 0 && sum.get("clean") > 0, sum.toString());
        Map<String, Long> total = verdicts(report(""));
        for (String v : VERDICTS) {
            assertEquals(sum.get(v), total.getOrDefault(v, 0L), "all sensors, " + v);
        }
    }

    private static JsonNode report(String query) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + dashboard.address().getPort() + "/api/report" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private static Map<String, Long> verdicts(JsonNode report) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode row : report.path("prevalence").path("rows")) {
            if (row.path("scope").asText().equals("verdict")) {
                out.put(row.path("verdict").asText(), row.path("sessions").asLong());
            }
        }
        return out;
    }
}
