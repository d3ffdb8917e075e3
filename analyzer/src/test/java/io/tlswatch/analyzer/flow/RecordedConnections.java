package io.tlswatch.analyzer.flow;

import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.decode.DecodeOutcome;
import io.tlswatch.capture.decode.DecodedPacket;
import io.tlswatch.capture.decode.StandardPacketDecoder;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.capture.synth.Side;
import io.tlswatch.capture.synth.TcpConversation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TCP connections of a clean capture (a loopback recording: no loss, no reordering) as the
 * payloads each side sent, packet by packet in capture order, so they can be sent again through a
 * {@link TcpConversation} cut and damaged another way. The client is the side that sent the SYN.
 */
final class RecordedConnections {
    /** One packet's payload, and who sent it. */
    record Burst(Side from, byte[] bytes) {
    }

    private RecordedConnections() {
    }

    /** Each connection's bursts, by the client's port, in the order the connections started. */
    static List<List<Burst>> read(Path capture) {
        Map<Integer, List<Burst>> byClientPort = new LinkedHashMap<>();
        Map<Integer, Integer> serverPorts = new LinkedHashMap<>();
        StandardPacketDecoder decoder = new StandardPacketDecoder();
        DecodedPacket tcp = new DecodedPacket();
        PacketRecord packet = new PacketRecord();
        try (PacketSource source = CaptureFiles.open(capture)) {
            while (source.next(packet)) {
                if (decoder.decode(packet, tcp) != DecodeOutcome.TCP) {
                    continue;
                }
                if (tcp.hasTcpFlag(DecodedPacket.TCP_SYN) && !tcp.hasTcpFlag(DecodedPacket.TCP_ACK)) {
                    byClientPort.put(tcp.srcPort, new ArrayList<>());
                    serverPorts.put(tcp.srcPort, tcp.dstPort);
                }
                boolean fromClient = byClientPort.containsKey(tcp.srcPort)
                        && serverPorts.get(tcp.srcPort) == tcp.dstPort;
                int clientPort = fromClient ? tcp.srcPort : tcp.dstPort;
                if (tcp.payloadLength > 0 && byClientPort.containsKey(clientPort)) {
                    byte[] payload = Arrays.copyOfRange(packet.data(), tcp.payloadOffset,
                            tcp.payloadOffset + tcp.payloadLength);
                    byClientPort.get(clientPort).add(new Burst(fromClient ? Side.CLIENT : Side.SERVER, payload));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ArrayList<>(byClientPort.values());
    }

    /** Sends every burst, in order, into {@code c}; returns it. */
    static TcpConversation playInto(List<Burst> bursts, TcpConversation c) {
        for (Burst b : bursts) {
            c.send(b.from(), b.bytes(), 0, b.bytes().length);
        }
        return c;
    }
}
