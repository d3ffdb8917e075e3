package io.tlswatch.analyzer.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tlswatch.analyzer.Analyzer;
import io.tlswatch.analyzer.AnalyzerConfig;
import io.tlswatch.analyzer.output.DiscardingSink;
import io.tlswatch.analyzer.synth.CaptureFormat;
import io.tlswatch.analyzer.synth.Mix;
import io.tlswatch.analyzer.synth.SynthProgress;
import io.tlswatch.analyzer.synth.SynthSettings;
import io.tlswatch.analyzer.synth.SyntheticCapture;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.file.CaptureFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * Each stage says how much CPU it spent (the summary's "cpu" line): every stage that did work
 * reports some, and no stage more than the whole process spent.
 */
class StageCpuTimesTest {

    @Test
    void everyStageReportsTheCpuItSpentWithinTheProcesss() throws IOException {
        assumeTrue(ManagementFactory.getThreadMXBean().isCurrentThreadCpuTimeSupported(), "no per-thread CPU time here");
        assumeTrue(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean,
                "no process CPU time here");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new SyntheticCapture(SynthSettings.of(Mix.HANDSHAKE_HEAVY, 40).withSeed(2).withSites(4))
                .writeTo(CaptureFormat.PCAP.open(bytes), SynthProgress.NONE);
        byte[] capture = bytes.toByteArray();
        long processBefore = processCpu();

        Analyzer analyzer = new Analyzer(AnalyzerConfig.defaults().withWorkers(2), new DiscardingSink());
        PacketRecord packet = new PacketRecord();
        try (PacketSource source = CaptureFiles.open("heavy.pcap", new ByteArrayInputStream(capture), capture.length)) {
            while (source.next(packet)) {
                analyzer.onPacket(packet);
            }
        }
        analyzer.finish();
        StageCpuTimes cpu = analyzer.cpuTimes();
        long process = processCpu() - processBefore;

        assertTrue(cpu.reader() > 0, "reader " + cpu.reader());
        assertTrue(cpu.workers() > 0, "workers " + cpu.workers());
        assertTrue(cpu.sink() > 0, "sink " + cpu.sink());
        assertTrue(cpu.reader() + cpu.workers() + cpu.sink() <= process,
                "the stages together (" + (cpu.reader() + cpu.workers() + cpu.sink()) + " ns) within the process's "
                        + process + " ns");
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
