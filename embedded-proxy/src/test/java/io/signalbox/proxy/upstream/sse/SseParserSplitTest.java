package io.signalbox.proxy.upstream.sse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.signalbox.proxy.upstream.sse.RecordedStreams.Recorded;
import io.signalbox.proxy.upstream.usage.UsageCounts;
import io.signalbox.proxy.upstream.usage.UsageExtractor;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Chunk boundaries must never change what the proxy sees: for every recorded stream, splitting it
 * anywhere gives the same events, the same raw bytes and the same usage as reading it whole.
 */
class SseParserSplitTest {

    private static final JsonMapper JSON = new JsonMapper();

    /** What a stream parsed into, compared as a whole between chunkings. */
    private record Parsed(List<SseEvent> events, boolean partial) {

        byte[] concatenatedRaw() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            events.forEach(event -> out.writeBytes(event.raw()));
            return out.toByteArray();
        }

        /** Last usage seen, as the proxy keeps it. */
        Optional<UsageCounts> usage() {
            Optional<UsageCounts> last = Optional.empty();
            for (SseEvent event : events) {
                if (event.data() == null || event.isDone()) {
                    continue;
                }
                try {
                    Optional<UsageCounts> usage =
                            UsageExtractor.fromStreamEvent(JSON.readTree(event.data()));
                    if (usage.isPresent()) {
                        last = usage;
                    }
                } catch (JsonProcessingException notJson) {
                    throw new AssertionError("Recorded data is not JSON: " + event, notJson);
                }
            }
            return last;
        }
    }

    static Stream<Recorded> streams() {
        return RecordedStreams.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void wholeStreamGivesItsRecordedEventsBytesAndUsage(Recorded stream) {
        Parsed whole = parse(stream.bytes(), new int[0]);

        assertThat(whole.events().stream().filter(event -> event.data() != null))
                .hasSize(stream.dataEvents());
        assertThat(whole.partial()).isEqualTo(!stream.complete());
        assertThat(whole.usage()).isEqualTo(stream.usage());
        if (stream.complete()) {
            assertThat(whole.concatenatedRaw()).isEqualTo(stream.bytes());
        } else {
            assertThat(stream.bytes()).startsWith(whole.concatenatedRaw());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void splittingAtEveryByteOffsetChangesNothing(Recorded stream) {
        Parsed whole = parse(stream.bytes(), new int[0]);

        for (int offset = 0; offset <= stream.bytes().length; offset++) {
            Parsed split = parse(stream.bytes(), new int[] {offset});

            assertThat(split).as("split at byte %d", offset).isEqualTo(whole);
            assertThat(split.usage()).as("usage split at byte %d", offset).isEqualTo(whole.usage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void oneByteChunksChangeNothing(Recorded stream) {
        Parsed whole = parse(stream.bytes(), new int[0]);
        int[] everyByte = new int[stream.bytes().length];
        Arrays.setAll(everyByte, i -> i);

        Parsed bytewise = parse(stream.bytes(), everyByte);

        assertThat(bytewise).isEqualTo(whole);
        assertThat(bytewise.usage()).isEqualTo(stream.usage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("streams")
    void randomChunksInDirectBuffersChangeNothing(Recorded stream) {
        Parsed whole = parse(stream.bytes(), new int[0]);
        Random random = new Random(42);

        for (int run = 0; run < 200; run++) {
            List<SseEvent> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add);
            int position = 0;
            while (position < stream.bytes().length) {
                int length = Math.min(1 + random.nextInt(64), stream.bytes().length - position);
                ByteBuffer chunk = ByteBuffer.allocateDirect(length);
                chunk.put(stream.bytes(), position, length).flip();
                parser.feed(chunk);
                assertThat(chunk.hasRemaining()).isFalse();
                position += length;
            }
            parser.finish();

            assertThat(new Parsed(events, parser.hasPartialEvent())).isEqualTo(whole);
        }
    }

    /** Feeds {@code bytes} cut before each offset in {@code cuts} (ascending), then finishes. */
    private static Parsed parse(byte[] bytes, int[] cuts) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        int start = 0;
        for (int cut : cuts) {
            parser.feed(bytes, start, cut - start);
            start = cut;
        }
        parser.feed(bytes, start, bytes.length - start);
        parser.finish();
        return new Parsed(List.copyOf(events), parser.hasPartialEvent());
    }
}
