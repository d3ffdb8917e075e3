package io.tlswatch.analyzer.verdict.fingerprints;

import io.tlswatch.analyzer.verdict.fingerprints.ProductKeywords.Classification;
import io.tlswatch.analyzer.verdict.fingerprints.ProductKeywords.Product;
import io.tlswatch.testkit.SharedCorpus;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Makes the shipped {@value InterceptionClientHellos#SHIPPED_RESOURCE} from Cloudflare mitmengine's
 * reference captures in the shared corpus: every capture is replayed through the analyzer
 * ({@link SeenHello}), classified as an interception product or an ordinary client
 * ({@link ProductKeywords}, whose classification it prints for review), and every fingerprint of a
 * product's ClientHello becomes a row unless it could be taken for an ordinary client's
 * ({@link OrdinaryClients}: the same JA4 or JA3, and two stricter rules): those are listed, with
 * the reason, in a comment block at the end of the table instead. The output has no date, so
 * regenerating from the same corpus gives the same file.
 *
 * <p>Run it with {@code analyzer/tools/regenerate-interception-clienthellos.sh}, which is
 * {@code mvn -q -B -pl analyzer -am test -Dtest=InterceptionClientHellosGenerator
 * -Dsurefire.failIfNoSpecifiedTests=false -Dtlswatch.regenerate=true}; its {@link #main} takes the
 * corpus folder and the output file for a launch of its own.
 */
class InterceptionClientHellosGenerator {
    static final String REGENERATE_PROPERTY = "tlswatch.regenerate";
    static final String RESOURCE_DIR = "analyzer/src/main/resources/io/tlswatch/analyzer/verdict/fingerprints";

    /** A row in the making: a fingerprint of one product, and where it was seen. */
    private record Candidate(SeenHello hello, Product product, Set<String> captures) {
    }

    /** A product's fingerprint that an ordinary client's could be taken for, and why. */
    private record Excluded(Candidate candidate, List<String> reasons) {
    }

    @Test
    @EnabledIfSystemProperty(named = REGENERATE_PROPERTY, matches = "true")
    void regenerate() throws IOException {
        Path corpus = SharedCorpus.require();
        generate(corpus, SharedCorpus.repoRoot().resolve(RESOURCE_DIR).resolve(InterceptionClientHellos.SHIPPED_RESOURCE),
                System.out);
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: InterceptionClientHellosGenerator CORPUS_DIR OUTPUT_TSV");
            System.exit(2);
        }
        generate(Path.of(args[0]), Path.of(args[1]), System.out);
    }

    static void generate(Path corpus, Path output, PrintStream report) throws IOException {
        List<MitmengineCapture> captures = MitmengineCapture.all(corpus);
        OrdinaryClients ordinary = new OrdinaryClients();
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        Map<Product, Set<String>> productCaptures = new TreeMap<>(Comparator.comparing(Product::name));
        report.println("# Classification of the mitmengine captures (group, label: product or ordinary client, why)");
        for (MitmengineCapture capture : captures) {
            Classification c = ProductKeywords.classify(capture);
            report.println(capture.group() + "\t" + capture.label() + "\t"
                    + c.product().map(p -> p.name() + " (" + p.interceptorClass() + ")").orElse("ordinary client")
                    + "\t" + c.reason());
            Set<SeenHello> hellos = SeenHello.inCapture(corpus.resolve(capture.corpusPath()));
            if (c.product().isEmpty()) {
                hellos.forEach(h -> ordinary.add(h, capture.upstreamPath()));
                continue;
            }
            Product product = c.product().get();
            productCaptures.computeIfAbsent(product, k -> new TreeSet<>()).add(capture.upstreamPath());
            for (SeenHello h : hellos) {
                candidates.computeIfAbsent(h.ja4() + "\t" + h.ja3() + "\t" + product.name(),
                        k -> new Candidate(h, product, new TreeSet<>())).captures().add(capture.upstreamPath());
            }
        }
        List<Candidate> kept = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Candidate candidate : candidates.values()) {
            List<String> reasons = ordinary.resemblance(candidate.hello());
            if (reasons.isEmpty()) {
                kept.add(candidate);
            } else {
                excluded.add(new Excluded(candidate, reasons));
            }
        }
        Comparator<Candidate> order = Comparator.comparing((Candidate c) -> c.product().name())
                .thenComparing(c -> c.hello().ja4()).thenComparing(c -> String.valueOf(c.hello().ja3()));
        kept.sort(order);
        excluded.sort(Comparator.comparing(Excluded::candidate, order));
        InterceptionClientHellos table = InterceptionClientHellos.of(kept.stream().map(
                InterceptionClientHellosGenerator::row).toList());
        String sourceCommits = String.join(", ", new TreeSet<>(captures.stream().map(MitmengineCapture::sourceCommit).toList()));
        Files.writeString(output, text(table, excluded, productCaptures, sourceCommits), StandardCharsets.UTF_8);
        summarise(table, excluded, productCaptures, report);
    }

    private static InterceptionClientHello row(Candidate c) {
        return new InterceptionClientHello(c.hello().ja4(), c.hello().ja3(), c.product().name(),
                c.product().interceptorClass(), List.of(), List.copyOf(c.captures()),
                InterceptionHelloTableFormat.MITMENGINE_SOURCE);
    }

    private static String text(InterceptionClientHellos table, List<Excluded> excluded,
            Map<Product, Set<String>> productCaptures, String sourceCommits) {
        StringBuilder out = new StringBuilder();
        out.append("# ClientHellos of interception products, by fingerprint: what a sensor between the product and the\n")
           .append("# Internet sees. Format: InterceptionHelloTableFormat. Generated by InterceptionClientHellosGenerator\n")
           .append("# (analyzer test sources; analyzer/tools/regenerate-interception-clienthellos.sh) from Cloudflare\n")
           .append("# mitmengine's reference captures (github.com/cloudflare/mitmengine, reference_fingerprints/pcaps,\n")
           .append("# BSD-3-Clause, commit ").append(sourceCommits).append("), recorded at the server side in 2016.\n")
           .append("# A row's fingerprint was sent by that product, and no ordinary client of those captures (browsers,\n")
           .append("# OpenSSL, GnuTLS, the plain-browser baselines) sent one it could be taken for (OrdinaryClients says\n")
           .append("# how): the product's own TLS stack, not the browser's nor the operating system's.\n")
           .append("# Captures are paths under reference_fingerprints/pcaps. Do not edit: regenerate, or add rows in a\n")
           .append("# table of your own (same format), which is merged over this one.\n");
        out.append(InterceptionHelloTableFormat.HEADER).append('\n');
        for (InterceptionClientHello row : table.entries()) {
            out.append(InterceptionHelloTableText.line(row)).append('\n');
        }
        out.append("#\n# Excluded: a product's fingerprint that cannot tell the product from an ordinary client (see\n")
           .append("# OrdinaryClients for the rules). Product | ja4 | ja3 | product capture(s) | why.\n");
        for (Excluded e : excluded) {
            Candidate c = e.candidate();
            out.append("# ").append(c.product().name()).append(" | ").append(c.hello().ja4()).append(" | ")
               .append(c.hello().ja3() == null ? InterceptionHelloTableFormat.NONE : c.hello().ja3())
               .append(" | ").append(String.join(", ", c.captures()))
               .append(" | ").append(String.join("; ", e.reasons())).append('\n');
        }
        Set<String> withRows = new TreeSet<>(table.entries().stream().map(InterceptionClientHello::product).toList());
        out.append("#\n# Products with no row (every fingerprint of theirs was excluded):\n");
        productCaptures.forEach((product, captures) -> {
            if (!withRows.contains(product.name())) {
                out.append("# ").append(product.name()).append(" (").append(product.interceptorClass()).append("): ")
                   .append(String.join(", ", captures)).append('\n');
            }
        });
        return out.toString();
    }

    private static void summarise(InterceptionClientHellos table, List<Excluded> excluded,
            Map<Product, Set<String>> productCaptures, PrintStream report) {
        Set<String> productsWithRows = new TreeSet<>();
        Set<String> capturesWithRows = new TreeSet<>();
        for (InterceptionClientHello row : table.entries()) {
            productsWithRows.add(row.product());
            capturesWithRows.addAll(row.captures());
        }
        int productCaptureCount = productCaptures.values().stream().mapToInt(Set::size).sum();
        report.println();
        report.println("# " + table.size() + " rows; " + productsWithRows.size() + " of " + productCaptures.size()
                + " products and " + capturesWithRows.size() + " of " + productCaptureCount
                + " product captures yielded a usable fingerprint; " + excluded.size()
                + " product fingerprints excluded as like an ordinary client's");
        report.println("# Products without a usable fingerprint:");
        productCaptures.keySet().stream().map(Product::name).filter(p -> !productsWithRows.contains(p))
                .forEach(p -> report.println("#   " + p));
        report.println("# Shared fingerprints:");
        table.entries().stream().filter(InterceptionClientHello::shared)
                .forEach(r -> report.println("#   " + r.ja4() + " " + r.ja3() + ": " + r.label()));
    }
}
