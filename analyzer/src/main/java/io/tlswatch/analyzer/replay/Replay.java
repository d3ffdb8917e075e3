package io.tlswatch.analyzer.replay;

import io.tlswatch.capture.CaptureFormatException;
import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.file.CaptureFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads capture files one after the other, in the order given (directories by name), and hands
 * every packet to a {@link PacketSink}. A file that cannot be read, or that stops early, becomes a
 * one-line {@link InputError}; the files around it are read all the same.
 */
public final class Replay {

    /** Told now and then how far reading has come, for a progress line. */
    public interface ProgressListener {
        void progress(String source, long position, long size, long packetsSoFar);
    }

    /** A file that could not be read, or not to its end. */
    public record InputError(String source, String message, boolean nothingRead) {
        @Override
        public String toString() {
            return source + ": " + message;
        }
    }

    /**
     * What a replay read.
     *
     * @param packets            packets read from all sources
     * @param unsupportedPackets packets of link types the decoder does not know (reported per file)
     */
    public record Result(int sources, long packets, long unsupportedPackets, long capturedBytes,
                         List<InputError> errors) {
        /** True when no packet that could be analysed was read from the inputs. */
        public boolean nothingRead() {
            return packets == unsupportedPackets && !errors.isEmpty();
        }
    }

    private static final int PROGRESS_EVERY_PACKETS = 1 << 16;

    private final PacketSink sink;
    private final ProgressListener progress;

    public Replay(PacketSink sink, ProgressListener progress) {
        this.sink = sink;
        this.progress = progress;
    }

    /** Reads every input; never throws for bad input (only for a failing sink). */
    public Result run(List<Path> inputs) {
        List<InputError> errors = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            expand(input, files, errors);
        }
        PacketRecord packet = new PacketRecord();
        long packets = 0;
        long unsupported = 0;
        long bytes = 0;
        int sources = 0;
        for (Path file : files) {
            long before = packets;
            long unsupportedBefore = unsupported;
            int unsupportedLinkType = -1;
            try (PacketSource source = CaptureFiles.open(file)) {
                sources++;
                while (source.next(packet)) {
                    packets++;
                    bytes += packet.capturedLength();
                    if (!LinkType.isSupported(packet.linkType())) {
                        unsupported++;
                        unsupportedLinkType = packet.linkType();
                    }
                    sink.onPacket(packet);
                    if ((packets & (PROGRESS_EVERY_PACKETS - 1)) == 0) {
                        progress.progress(source.name(), source.position(), source.size(), packets);
                    }
                }
                progress.progress(source.name(), source.size(), source.size(), packets);
                if (source.error() != null) {
                    errors.add(new InputError(file.toString(), source.error(), packets == before));
                }
                long skipped = unsupported - unsupportedBefore;
                if (skipped > 0) {
                    errors.add(new InputError(file.toString(), "link type " + unsupportedLinkType
                            + " is not supported: " + skipped + " of " + (packets - before) + " packets skipped",
                            skipped == packets - before));
                }
            } catch (CaptureFormatException e) {
                errors.add(new InputError(file.toString(), stripPath(e.getMessage(), file), true));
            } catch (IOException e) {
                errors.add(new InputError(file.toString(), "read failed: " + e.getMessage(), packets == before));
            }
            sink.onSourceEnd();
        }
        return new Result(sources, packets, unsupported, bytes, List.copyOf(errors));
    }

    private static void expand(Path input, List<Path> files, List<InputError> errors) {
        if (!Files.exists(input)) {
            errors.add(new InputError(input.toString(), "no such file or directory", true));
            return;
        }
        try {
            files.addAll(CaptureFiles.expand(List.of(input)));
        } catch (IOException e) {
            errors.add(new InputError(input.toString(), "cannot list: " + e.getMessage(), true));
        }
    }

    /** Messages from the readers may start with the file name; the error names it already. */
    private static String stripPath(String message, Path file) {
        String prefix = file + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
