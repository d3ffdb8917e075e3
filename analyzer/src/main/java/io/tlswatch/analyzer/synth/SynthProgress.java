package io.tlswatch.analyzer.synth;

/** Told now and then how far the writing of a synthetic capture has come; called on the writing thread. */
@FunctionalInterface
public interface SynthProgress {
    SynthProgress NONE = (flowsDone, flowsPlanned, packets) -> { };

    void progress(long flowsDone, long flowsPlanned, long packets);
}
