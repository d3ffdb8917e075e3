package io.tlswatch.cli;

import io.tlswatch.analyzer.output.DocumentSink;
import io.tlswatch.analyzer.report.PrevalenceExport;
import io.tlswatch.analyzer.report.PrevalenceTable;
import io.tlswatch.analyzer.report.ReportCollector;
import io.tlswatch.analyzer.report.ReportJson;
import io.tlswatch.analyzer.report.ReportingSink;
import io.tlswatch.analyzer.verdict.Prevalence;
import io.tlswatch.dashboards.page.ReportPage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options that ask a replay for its prevalence report ({@code --report}, one self-contained
 * HTML file) and for the prevalence tables as data ({@code --export-prevalence}, CSV or JSON).
 * Where the files would go is checked as the command line is read, before the run;
 * {@link #around} puts the report's collector in front of the run's sink; {@link #write} writes
 * the files after the run.
 */
final class ReportOptions {
    private static final String TITLE = "Prevalence of TLS interception";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    private Path report;
    private Path export;
    private ReportCollector collector;

    @Option(names = "--report", paramLabel = "FILE.html",
            description = "Also write the prevalence report: one self-contained HTML file with charts and tables "
                    + "(it loads nothing from the network).")
    void report(Path file) {
        requireFolder(file, "--report");
        this.report = file;
    }

    @Option(names = "--export-prevalence", paramLabel = "FILE.csv|FILE.json",
            description = "Also write the prevalence tables (all sessions, each verdict, each interceptor: sessions, "
                    + "clients, server names, first and last seen) as CSV or JSON, by the file's extension.")
    void export(Path file) {
        if (PrevalenceExport.Format.forFile(file) == null) {
            throw new ParameterException(spec.commandLine(), "--export-prevalence must name a .csv or .json file, not " + file);
        }
        requireFolder(file, "--export-prevalence");
        this.export = file;
    }

    /**
     * The sink the analyzer should write to: {@code sink} itself, or a {@link ReportingSink} in front
     * of it when a report is asked for.
     */
    DocumentSink around(DocumentSink sink) {
        if (report == null) {
            return sink;
        }
        collector = new ReportCollector();
        return new ReportingSink(sink, collector);
    }

    /** Writes the report and the export that were asked for (nothing when none was). */
    void write(Prevalence prevalence, String sensor, List<Path> inputs) throws IOException {
        if (report != null) {
            List<String> names = inputs.stream().map(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
                    .toList();
            ReportPage.write(ReportJson.of(new ReportJson.About(TITLE, sensor, names), prevalence, collector), report);
        }
        if (export != null) {
            try (OutputStream out = Files.newOutputStream(export)) {
                PrevalenceExport.write(PrevalenceTable.of(prevalence), PrevalenceExport.Format.forFile(export), out);
            }
        }
    }

    private void requireFolder(Path file, String option) {
        if (file == null) {
            return;
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new ParameterException(spec.commandLine(), option + " " + file + ": no such directory " + parent);
        }
    }
}
