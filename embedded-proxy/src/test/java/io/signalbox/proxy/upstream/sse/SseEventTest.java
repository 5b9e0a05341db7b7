package io.signalbox.proxy.upstream.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseEventTest {

    @Test
    void eventsWithEqualBytesAreEqual() {
        SseEvent one = new SseEvent(null, "a", null, false, "data: a\n\n".getBytes(UTF_8));
        SseEvent two = new SseEvent(null, "a", null, false, "data: a\n\n".getBytes(UTF_8));
        SseEvent otherBytes = new SseEvent(null, "a", null, false, "data:a\n\n".getBytes(UTF_8));

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two).isNotEqualTo(otherBytes);
    }

    @Test
    void rawCannotBeChangedFromOutside() {
        byte[] bytes = "data: a\n\n".getBytes(UTF_8);
        SseEvent event = new SseEvent(null, "a", null, false, bytes);

        bytes[0] = 'X';
        event.raw()[1] = 'X';

        assertThat(event.raw()).isEqualTo("data: a\n\n".getBytes(UTF_8));
        assertThat(event.rawBuffer().isReadOnly()).isTrue();
        assertThat(event.rawBuffer()).isEqualTo(ByteBuffer.wrap("data: a\n\n".getBytes(UTF_8)));
        assertThat(event.rawLength()).isEqualTo(9);
    }

    @Test
    void toStringShowsFieldsAndTheSizeOfRawButNotAHugePayload() {
        SseEvent small = new SseEvent("ping", "{}", "7", false, new byte[12]);
        SseEvent huge = new SseEvent(null, "x".repeat(10_000), null, false, new byte[10_008]);

        assertThat(small)
                .hasToString(
                        "SseEvent[event=ping, data={}, id=7, commentOnly=false, raw=12 bytes]");
        assertThat(huge.toString()).hasSizeLessThan(300).contains("10000 chars", "10008 bytes");
    }

    @Test
    void recognisesTheDoneSentinelAsClientsDo() {
        assertThat(SseEvent.of(null, "[DONE]").isDone()).isTrue();
        assertThat(SseEvent.of(null, "{\"choices\":[]}").isDone()).isFalse();
        assertThat(new SseEvent(null, null, null, true, new byte[0]).isDone()).isFalse();
    }

    @Test
    void ofWritesCanonicalBytesThatParseBackToTheSameEvent() {
        SseEvent written = SseEvent.of("error", "line one\r\nline two\nline three");

        assertThat(new String(written.raw(), UTF_8))
                .isEqualTo("event: error\ndata: line one\ndata: line two\ndata: line three\n\n");
        assertThat(written.data()).isEqualTo("line one\nline two\nline three");
        assertThat(parse(written.raw())).containsExactly(written);
    }

    @Test
    void ofKeepsLeadingSpacesAndEmptyData() {
        assertThat(parse(SseEvent.of(null, " indented").raw()))
                .containsExactly(SseEvent.of(null, " indented"));
        assertThat(parse(SseEvent.of(null, "").raw())).containsExactly(SseEvent.of(null, ""));
    }

    @Test
    void ofRejectsAnEventNameWithALineBreak() {
        assertThatThrownBy(() -> SseEvent.of("a\nb", "{}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<SseEvent> parse(byte[] bytes) {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        parser.feed(bytes, 0, bytes.length);
        parser.finish();
        return events;
    }
}
