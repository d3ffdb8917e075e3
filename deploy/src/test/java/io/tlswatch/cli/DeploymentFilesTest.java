package io.tlswatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The deployment files, checked offline (no Docker engine, no Kubernetes API here): the image, the
 * compose file, the systemd units and the Kubernetes manifests all run the same jar or image with
 * the same, valid configuration file, give capture only CAP_NET_RAW and CAP_NET_ADMIN (and nothing
 * else any capability), and publish nothing beyond 127.0.0.1 on a single host.
 */
class DeploymentFilesTest {
    private static final Path ROOT = SharedCorpus.repoRoot();
    private static final Path DEPLOY = ROOT.resolve("deploy");
    private static final Path CONFIG = DEPLOY.resolve("config/tlswatch.conf");
    private static final String CONFIG_IN_CONTAINER = "/etc/tlswatch/tlswatch.conf";
    private static final Set<String> TLSWATCH_SERVICES = Set.of("capture", "indexer", "dashboard");

    private static Object yaml(Path file) throws IOException {
        return new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<Map<String, Object>> yamlDocuments(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(file, StandardCharsets.UTF_8))) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, "expected a mapping, got " + node);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertTrue(node instanceof List, "expected a sequence, got " + node);
        return (List<Object>) node;
    }

    private static Map<String, Object> at(Map<String, Object> node, String... path) {
        Map<String, Object> here = node;
        for (String key : path) {
            assertTrue(here.containsKey(key), "no " + key + " in " + here);
            here = map(here.get(key));
        }
        return here;
    }

    private static String pomProperty(String name) throws IOException {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertTrue(m.find(), name);
        return m.group(1);
    }

    @Test
    void theSharedConfigurationFileIsValid() {
        StringWriter err = new StringWriter();
        int status = Tlswatch.run(new String[] {"config", "check", CONFIG.toString()}, new PrintWriter(err, true), Map.of());
        assertEquals(0, status, err.toString());
    }

    @Test
    void theImageRunsTheJarOnJre17AsANonRootUser() throws IOException {
        List<String> lines = Files.readAllLines(DEPLOY.resolve("docker/Dockerfile")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        assertTrue(lines.get(0).matches("FROM eclipse-temurin:17-jre\\S*"), lines.get(0));
        String user = lines.stream().filter(l -> l.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
        String uid = user.substring(5).split(":")[0];
        assertTrue(uid.matches("[0-9]+") && Integer.parseInt(uid) > 0, "the last USER is a numeric non-root uid: " + user);
        assertTrue(lines.contains("COPY deploy/target/tlswatch.jar /opt/tlswatch/tlswatch.jar"), lines.toString());
        assertTrue(lines.contains("ENTRYPOINT [\"java\", \"-jar\", \"/opt/tlswatch/tlswatch.jar\"]"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("setcap cap_net_raw,cap_net_admin+ep") && l.contains("java-capture")),
                "only the capture launcher holds the two capabilities");
        List<String> ignore = Files.readAllLines(ROOT.resolve(".dockerignore"));
        assertTrue(ignore.contains("!deploy/target/tlswatch.jar") && ignore.contains("!deploy/config/tlswatch.conf"),
                "the build context lets in what the image copies: " + ignore);
    }

    @Test
    void composeRunsTheWholeStackAndGivesCaptureOnlyTwoCapabilities() throws IOException {
        Map<String, Object> services = at(map(yaml(DEPLOY.resolve("compose/compose.yaml"))), "services");
        assertEquals(Set.of("kafka", "elasticsearch", "kibana", "kibana-import", "capture", "indexer", "dashboard"),
                services.keySet());

        Map<String, Object> capture = at(services, "capture");
        assertEquals("host", capture.get("network_mode"));
        assertEquals(List.of("ALL"), capture.get("cap_drop"));
        assertEquals(Set.of("NET_RAW", "NET_ADMIN"), Set.copyOf(list(capture.get("cap_add"))));
        for (String name : services.keySet()) {
            Map<String, Object> service = at(services, name);
            if (TLSWATCH_SERVICES.contains(name)) {
                assertEquals("tlswatch:latest", service.get("image"), name);
                assertTrue(list(service.get("volumes")).contains("../config/tlswatch.conf:" + CONFIG_IN_CONTAINER + ":ro"),
                        name + " mounts the shared configuration file");
                List<Object> command = list(service.get("command"));
                assertEquals(CONFIG_IN_CONTAINER, command.get(command.indexOf("--config") + 1), name);
                assertEquals(List.of("ALL"), service.get("cap_drop"), name);
            }
            if (!name.equals("capture")) {
                assertFalse(service.containsKey("cap_add"), name + " gets no capability");
                assertFalse(service.containsKey("network_mode"), name + " stays on the compose network");
            }
            if (service.containsKey("ports")) {
                for (Object port : list(service.get("ports"))) {
                    assertTrue(port.toString().startsWith("127.0.0.1:"), name + " publishes on loopback only: " + port);
                }
            }
        }

        Map<String, Object> kafka = at(services, "kafka", "environment");
        assertEquals("broker,controller", kafka.get("KAFKA_PROCESS_ROLES"), "KRaft, no ZooKeeper");
        assertTrue(at(services, "kafka").get("image").toString().endsWith(":" + pomProperty("kafka.version")));
        String elastic = pomProperty("elasticsearch-server.version");
        assertTrue(at(services, "elasticsearch").get("image").toString().endsWith(":" + elastic), "the tests' version");
        assertTrue(at(services, "kibana").get("image").toString().endsWith(":" + elastic), "Kibana matches Elasticsearch");
        assertTrue(list(at(services, "kibana-import").get("volumes")).contains("../../dashboards/kibana:/objects:ro"));
        assertTrue(list(at(services, "kibana-import").get("command")).get(0).toString().contains("_import"));
    }

    @Test
    void systemdUnitsRunTheJarWithTheSharedFileAndOnlyCaptureHasCapabilities() throws IOException {
        for (String unit : List.of("tlswatch-index.service", "tlswatch-dashboard.service")) {
            String text = Files.readString(DEPLOY.resolve("systemd").resolve(unit));
            assertTrue(text.contains("-jar /opt/tlswatch/tlswatch.jar"), unit);
            assertTrue(text.contains("--config " + CONFIG_IN_CONTAINER), unit);
            assertTrue(text.contains("\nUser=tlswatch\n"), unit);
            assertTrue(text.contains("\nCapabilityBoundingSet=\n") && text.contains("\nNoNewPrivileges=yes\n"),
                    unit + " runs with no capability at all");
        }
        String capture = Files.readString(DEPLOY.resolve("systemd/tlswatch-capture.service"));
        assertTrue(capture.contains("\nCapabilityBoundingSet=CAP_NET_RAW CAP_NET_ADMIN\n"), "capture: exactly two");
    }

    @Test
    void systemdAnalyzeVerifiesTheUnits() throws IOException, InterruptedException {
        assumeTrue(new ProcessBuilder("sh", "-c", "command -v systemd-analyze").start().waitFor() == 0,
                "systemd-analyze is not installed: units not verified");
        List<String> command = new ArrayList<>(List.of("systemd-analyze", "verify"));
        try (var units = Files.list(DEPLOY.resolve("systemd"))) {
            units.filter(p -> p.toString().endsWith(".service")).sorted().forEach(p -> command.add(p.toString()));
        }
        assertEquals(5, command.size(), command.toString());
        Process verify = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze did not finish");
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, verify.exitValue(), output);
        assertEquals("", output.strip(), "no warning about any unit");
    }

    @Test
    void kubernetesManifestsAreWellFormedAndShareOneImageAndConfiguration() throws IOException {
        Path dir = DEPLOY.resolve("kubernetes");
        Map<String, Object> kustomization = map(yaml(dir.resolve("kustomization.yaml")));
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object resource : list(kustomization.get("resources"))) {
            docs.addAll(yamlDocuments(dir.resolve(resource.toString())));
        }
        List<String> kinds = new ArrayList<>();
        for (Map<String, Object> doc : docs) {
            assertTrue(doc.get("apiVersion") instanceof String && doc.get("kind") instanceof String, doc.toString());
            assertNotNull(at(doc, "metadata").get("name"), doc.toString());
            kinds.add(doc.get("kind") + "/" + at(doc, "metadata").get("name"));
        }
        assertEquals(List.of("Namespace/tlswatch", "ConfigMap/tlswatch-config", "DaemonSet/tlswatch-sensor",
                "Deployment/tlswatch-indexer", "Deployment/tlswatch-dashboard", "Service/tlswatch-dashboard"), kinds);

        Map<String, Object> configMap = docs.get(1);
        assertEquals(Files.readString(CONFIG), at(configMap, "data").get("tlswatch.conf"),
                "the ConfigMap holds deploy/config/tlswatch.conf as it is");

        for (Map<String, Object> workload : docs.subList(2, 5)) {
            String name = at(workload, "metadata").get("name").toString();
            assertEquals("apps/v1", workload.get("apiVersion"), name);
            Map<String, Object> selector = at(workload, "spec", "selector", "matchLabels");
            Map<String, Object> labels = at(workload, "spec", "template", "metadata", "labels");
            assertTrue(labels.entrySet().containsAll(selector.entrySet()), name + ": the selector matches the pods");
            Map<String, Object> pod = at(workload, "spec", "template", "spec");
            assertEquals(Boolean.TRUE, at(pod, "securityContext").get("runAsNonRoot"), name);
            assertEquals(Map.of("type", "RuntimeDefault"), at(pod, "securityContext", "seccompProfile"), name);
            List<Object> containers = list(pod.get("containers"));
            assertEquals(1, containers.size(), name);
            Map<String, Object> container = map(containers.get(0));
            assertEquals("tlswatch", container.get("image"), name + " uses the one image (kustomization sets its tag)");
            List<Object> args = list(container.get("args"));
            assertEquals(CONFIG_IN_CONTAINER, args.get(args.indexOf("--config") + 1), name);
            assertTrue(list(container.get("volumeMounts")).contains(Map.of("name", "config", "mountPath", "/etc/tlswatch",
                    "readOnly", true)), name);
            assertTrue(list(pod.get("volumes")).contains(Map.of("name", "config",
                    "configMap", Map.of("name", "tlswatch-config"))), name);
            Map<String, Object> security = at(container, "securityContext");
            assertEquals(Boolean.TRUE, security.get("readOnlyRootFilesystem"), name);
            assertEquals(List.of("ALL"), at(security, "capabilities").get("drop"), name);
            assertNotNull(at(container, "resources", "limits").get("memory"), name);
            boolean sensor = workload.get("kind").equals("DaemonSet");
            assertEquals(sensor, Boolean.TRUE.equals(pod.get("hostNetwork")), name + ": only sensors on the host network");
            if (sensor) {
                assertEquals(Set.of("NET_RAW", "NET_ADMIN"), Set.copyOf(list(at(security, "capabilities").get("add"))));
                assertEquals("java-capture", list(container.get("command")).get(0), "the launcher with the capabilities");
                assertEquals("ClusterFirstWithHostNet", pod.get("dnsPolicy"), "sensors still resolve Kafka's Service");
                assertEquals(Map.of("tlswatch.io/tap", "true"), pod.get("nodeSelector"), "only on tap nodes");
            } else {
                assertFalse(at(security, "capabilities").containsKey("add"), name);
                assertEquals(Boolean.FALSE, security.get("allowPrivilegeEscalation"), name);
            }
            if (name.equals("tlswatch-dashboard")) {
                assertTrue(container.containsKey("readinessProbe") && container.containsKey("livenessProbe"), name);
            }
        }
    }
}
