package io.tlswatch.cli;

import java.util.ArrayList;
import java.util.List;

/** The command line that runs {@code tlswatch ARGS} in a child JVM on this test's class path. */
final class ChildTlswatch {
    private ChildTlswatch() {
    }

    static List<String> command(String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED", // as the jar's manifest does, for Agrona
                "-cp", System.getProperty("java.class.path"), Tlswatch.class.getName()));
        command.addAll(List.of(args));
        return command;
    }
}
