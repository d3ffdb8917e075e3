package io.tlswatch.capture.synth;

import static io.tlswatch.capture.synth.TcpConversationTest.REQUEST;
import static io.tlswatch.capture.synth.TcpConversationTest.RESPONSE;
import static io.tlswatch.capture.synth.TcpConversationTest.conversation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tlswatch.capture.LinkType;
import io.tlswatch.capture.PacketRecord;
import io.tlswatch.capture.PacketSource;
import io.tlswatch.capture.file.CaptureFiles;
import io.tlswatch.capture.file.PcapWriter;
import io.tlswatch.capture.file.PcapngWriter;
import io.tlswatch.testkit.AllocationCounter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Conversations written through the project's pcap and pcapng writers read back as they were built. */
class ConversationOutputTest {

    private static TcpConversation sample() {
        return conversation().startAt(1_704_067_200_123_456_789L).handshake().client(REQUEST).server(RESPONSE)
                .close();
    }

    @Test
    void aNanosecondPcapReadsBackFrameForFrame() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PcapWriter writer = new PcapWriter(file, LinkType.ETHERNET, 65_535, true, ByteOrder.BIG_ENDIAN);
        sample().writeTo(FrameSink.pcap(writer));

        assertSameFrames(sample().packets(), readAll(file.toByteArray()));
    }

    @Test
    void aPcapngSectionReadsBackFrameForFrame() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        PcapngWriter writer = new PcapngWriter(file, ByteOrder.LITTLE_ENDIAN);
        int ethernet = writer.addInterface(LinkType.ETHERNET, PcapngWriter.NANOSECONDS);
        sample().writeTo(FrameSink.pcapng(writer, ethernet));

        assertSameFrames(sample().packets(), readAll(file.toByteArray()));
    }

    @Test
    void conversationsWrittenOneAfterAnotherKeepTimeInOrder() {
        TcpConversation first = sample();
        TcpConversation second = conversation().startAt(first.endNanos() + 1).handshake();

        long firstEnd = first.packets().get(first.size() - 1).timestampNanos();
        assertEquals(firstEnd, first.endNanos());
        assertEquals(firstEnd + 1, second.packets().get(0).timestampNanos());
    }

    @Test
    void writingAllocatesNothingPerPacket() throws IOException {
        AllocationCounter threads = AllocationCounter.require();
        byte[] data = new byte[20_000];
        TcpConversation c = conversation().acknowledgeSends(false).segmentSize(1).handshake().client(data).close();
        FrameSink sink = FrameSink.pcap(new PcapWriter(OutputStream.nullOutputStream(), LinkType.ETHERNET));
        c.writeTo(sink);

        long before = threads.currentThread();
        c.writeTo(sink);
        long allocated = threads.currentThread() - before;

        assertTrue(allocated < 4096, allocated + " bytes allocated writing " + c.size() + " packets");
    }

    private static void assertSameFrames(List<SynthPacket> expected, List<SynthPacket> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).timestampNanos(), actual.get(i).timestampNanos(), "packet " + i);
            assertArrayEquals(expected.get(i).frame(), actual.get(i).frame(), "packet " + i);
        }
    }

    private static List<SynthPacket> readAll(byte[] file) throws IOException {
        List<SynthPacket> out = new ArrayList<>();
        PacketRecord r = new PacketRecord();
        try (PacketSource source = CaptureFiles.open("synth", new ByteArrayInputStream(file), file.length)) {
            while (source.next(r)) {
                assertEquals(LinkType.ETHERNET, r.linkType());
                out.add(new SynthPacket(r.timestampNanos(),
                        Arrays.copyOfRange(r.data(), r.offset(), r.offset() + r.capturedLength())));
            }
            assertNull(source.error());
        }
        return out;
    }
}
