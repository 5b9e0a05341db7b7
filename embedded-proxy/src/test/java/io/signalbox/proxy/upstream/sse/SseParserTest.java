package io.signalbox.proxy.upstream.sse;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SseParserTest {

    /** The parsed fields of one event, raw bytes aside (those are checked by concatenation). */
    private record Fields(String event, String data, String id, boolean commentOnly) {}

    private static Fields data(String data) {
        return new Fields(null, data, null, false);
    }

    private static Fields keepAlive() {
        return new Fields(null, null, null, true);
    }

    static Stream<Arguments> lineEndings() {
        return Stream.of(
                arguments("LF", "data: a\n\n", List.of(data("a"))),
                arguments("CRLF", "data: a\r\n\r\n", List.of(data("a"), keepAlive())),
                arguments("lone CR", "data: a\r\r", List.of(data("a"))),
                arguments(
                        "mixed endings",
                        "data: a\r\ndata: b\rdata: c\n\n",
                        List.of(data("a\nb\nc"))),
                arguments("LF then CR as blank line", "data: a\n\r", List.of(data("a"))),
                arguments(
                        "two events in one chunk",
                        "data: 1\n\ndata: 2\n\n",
                        List.of(data("1"), data("2"))),
                arguments(
                        "CRLF between events",
                        "data: 1\r\n\r\ndata: 2\r\n\r\n",
                        List.of(data("1"), data("2"), keepAlive())),
                arguments("extra blank line", "data: a\n\n\n", List.of(data("a"), keepAlive())),
                arguments(
                        "CR CR LF is two line ends",
                        "data: a\r\r\n",
                        List.of(data("a"), keepAlive())));
    }

    static Stream<Arguments> fields() {
        return Stream.of(
                arguments("space after colon", "data: a\n\n", List.of(data("a"))),
                arguments("no space after colon", "data:a\n\n", List.of(data("a"))),
                arguments("only one space is stripped", "data:  a\n\n", List.of(data(" a"))),
                arguments("tab is kept", "data:\ta\n\n", List.of(data("\ta"))),
                arguments("trailing space is kept", "data: a \n\n", List.of(data("a "))),
                arguments(
                        "colon inside the value",
                        "data: {\"a\":\"b:c\"}\n\n",
                        List.of(data("{\"a\":\"b:c\"}"))),
                arguments("empty data field", "data:\n\n", List.of(data(""))),
                arguments("field name without colon", "data\n\n", List.of(data(""))),
                arguments("multi-line data", "data: a\ndata: b\n\n", List.of(data("a\nb"))),
                arguments(
                        "empty middle data line",
                        "data: a\ndata:\ndata: b\n\n",
                        List.of(data("a\n\nb"))),
                arguments(
                        "event name",
                        "event: response.created\ndata: {}\n\n",
                        List.of(new Fields("response.created", "{}", null, false))),
                arguments(
                        "last event name wins",
                        "event: a\nevent: b\ndata: x\n\n",
                        List.of(new Fields("b", "x", null, false))),
                arguments(
                        "event without data",
                        "event: ping\n\n",
                        List.of(new Fields("ping", null, null, false))),
                arguments("id", "id: 7\ndata: x\n\n", List.of(new Fields(null, "x", "7", false))),
                arguments(
                        "id with NUL is ignored", "id: a\u0000b\ndata: x\n\n", List.of(data("x"))),
                arguments("retry is ignored", "retry: 3000\ndata: x\n\n", List.of(data("x"))),
                arguments(
                        "retry alone is a field",
                        "retry: 3000\n\n",
                        List.of(new Fields(null, null, null, false))),
                arguments("unknown field is ignored", "foo: bar\ndata: x\n\n", List.of(data("x"))),
                arguments(
                        "space before colon makes another field",
                        "data : x\n\n",
                        List.of(new Fields(null, null, null, false))),
                arguments(
                        "field names are case-sensitive",
                        "Data: x\n\n",
                        List.of(new Fields(null, null, null, false))),
                arguments("comment", ": keep-alive\n\n", List.of(keepAlive())),
                arguments(
                        "OpenRouter comment", ": OPENROUTER PROCESSING\n\n", List.of(keepAlive())),
                arguments("empty comment", ":\n\n", List.of(keepAlive())),
                arguments(
                        "comment inside an event",
                        "data: a\n: note\ndata: b\n\n",
                        List.of(data("a\nb"))),
                arguments("leading BOM is skipped", "\uFEFFdata: x\n\n", List.of(data("x"))),
                arguments(
                        "only one BOM is skipped",
                        "\uFEFF\uFEFFdata: x\n\n",
                        List.of(new Fields(null, null, null, false))),
                arguments(
                        "BOM later in the stream is data",
                        "data: a\n\ndata: \uFEFFb\n\n",
                        List.of(data("a"), data("\uFEFFb"))),
                arguments("UTF-8 text", "data: 你好 👋 Ça\n\n", List.of(data("你好 👋 Ça"))),
                arguments("done sentinel", "data: [DONE]\n\n", List.of(data("[DONE]"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"lineEndings", "fields"})
    void parsesEachRuleAndKeepsEveryByte(String rule, String input, List<Fields> expected) {
        byte[] bytes = input.getBytes(UTF_8);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        parser.feed(bytes, 0, bytes.length);
        parser.finish();

        assertThat(events)
                .map(e -> new Fields(e.event(), e.data(), e.id(), e.commentOnly()))
                .containsExactlyElementsOf(expected);
        assertThat(concatenate(events)).isEqualTo(bytes);
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void dispatchesAnEventAsSoonAsItsBlankLineArrives() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        feed(parser, "data: a\n");
        assertThat(events).isEmpty();
        assertThat(parser.hasPartialEvent()).isTrue();

        feed(parser, "\n");
        assertThat(events).extracting(SseEvent::data).containsExactly("a");
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void dispatchesOnABlankLineEndedByCrWithoutWaitingForAnLf() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        feed(parser, "data: a\r\n\r");

        assertThat(events).extracting(SseEvent::data).containsExactly("a");
        assertThat(events.get(0).raw()).isEqualTo("data: a\r\n\r".getBytes(UTF_8));
    }

    @Test
    void crAtTheEndOfAChunkAndLfAtTheStartOfTheNextAreOneLineEnd() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        feed(parser, "data: a\r");
        feed(parser, "\ndata: b\r");
        feed(parser, "\n\r");
        feed(parser, "\ndata: c\r\n\r\n");
        parser.finish();

        assertThat(events).extracting(SseEvent::data).containsExactly("a\nb", "c", null);
        assertThat(events.get(1).raw()).isEqualTo("\ndata: c\r\n\r".getBytes(UTF_8));
        assertThat(events.get(2).commentOnly()).isTrue();
        assertThat(events.get(2).raw()).isEqualTo("\n".getBytes(UTF_8));
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void decodesAMultiByteCharacterSplitAcrossChunksWhole() {
        byte[] bytes = "data: 👩‍💻中é\n\n".getBytes(UTF_8);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        for (int i = 0; i < bytes.length; i++) {
            parser.feed(bytes, i, 1);
        }

        assertThat(events).extracting(SseEvent::data).containsExactly("👩‍💻中é");
    }

    @Test
    void replacesMalformedUtf8WithTheReplacementCharacter() {
        byte[] bytes = {'d', 'a', 't', 'a', ':', ' ', (byte) 0xC3, 'x', (byte) 0xFF, '\n', '\n'};
        List<SseEvent> events = new ArrayList<>();

        new SseParser(events::add).feed(bytes, 0, bytes.length);

        assertThat(events).extracting(SseEvent::data).containsExactly("\uFFFDx\uFFFD");
        assertThat(events.get(0).raw()).isEqualTo(bytes);
    }

    @Test
    void aBomSplitAcrossChunksIsStillSkipped() {
        byte[] bytes = "\uFEFFdata: x\n\n".getBytes(UTF_8);
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        parser.feed(bytes, 0, 1);
        parser.feed(bytes, 1, 2);
        parser.feed(bytes, 3, bytes.length - 3);

        assertThat(events).extracting(SseEvent::data).containsExactly("x");
        assertThat(events.get(0).raw()).isEqualTo(bytes);
    }

    @Test
    void finishDiscardsAnUnterminatedEventAndReportsIt() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        feed(parser, "data: a\n\ndata: {\"choices\":[{\"delta\":");
        parser.finish();

        assertThat(events).extracting(SseEvent::data).containsExactly("a");
        assertThat(parser.hasPartialEvent()).isTrue();
    }

    @Test
    void anEventMissingOnlyItsBlankLineIsStillDiscarded() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        feed(parser, "data: [DONE]\n");
        parser.finish();

        assertThat(events).isEmpty();
        assertThat(parser.hasPartialEvent()).isTrue();
    }

    @Test
    void anEmptyStreamIsComplete() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);

        parser.finish();
        parser.finish();

        assertThat(events).isEmpty();
        assertThat(parser.hasPartialEvent()).isFalse();
    }

    @Test
    void refusesInputAfterFinish() {
        SseParser parser = new SseParser(event -> {});
        parser.finish();

        assertThatThrownBy(() -> feed(parser, "data: a\n\n"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anEventLargerThanTheLimitFailsInsteadOfGrowing() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, 64);
        String big = "data: " + "x".repeat(100);

        assertThatThrownBy(() -> feed(parser, big))
                .isInstanceOf(SseException.class)
                .hasMessageContaining("64");
        assertThatThrownBy(() -> feed(parser, "\n\n")).isInstanceOf(IllegalStateException.class);
        parser.finish();
        assertThat(parser.hasPartialEvent()).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void theLimitAppliesToEachEventNotToTheStream() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add, 16);

        for (int i = 0; i < 1000; i++) {
            feed(parser, "data: 12345678\n\n"); // exactly 16 bytes
        }

        assertThat(events).hasSize(1000);
        assertThatThrownBy(() -> feed(parser, "data: 123456789\n\n"))
                .isInstanceOf(SseException.class);
    }

    @Test
    void aLimitOfZeroIsRejected() {
        assertThatThrownBy(() -> new SseParser(event -> {}, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void feedingAByteBufferConsumesIt() {
        List<SseEvent> events = new ArrayList<>();
        SseParser parser = new SseParser(events::add);
        ByteBuffer heap = ByteBuffer.wrap("xxdata: a\n\nyy".getBytes(UTF_8), 2, 9);
        ByteBuffer readOnly = ByteBuffer.wrap("data: b\n\n".getBytes(UTF_8)).asReadOnlyBuffer();
        ByteBuffer direct = ByteBuffer.allocateDirect(20).put("data: c\n\n".getBytes(UTF_8)).flip();

        parser.feed(heap);
        parser.feed(readOnly);
        parser.feed(direct);

        assertThat(events).extracting(SseEvent::data).containsExactly("a", "b", "c");
        assertThat(heap.remaining()).isZero();
        assertThat(readOnly.remaining()).isZero();
        assertThat(direct.remaining()).isZero();
    }

    @Test
    void feedsOnlyTheGivenRangeOfAnArray() {
        List<SseEvent> events = new ArrayList<>();
        byte[] bytes = "garbage\ndata: a\n\ngarbage".getBytes(UTF_8);

        new SseParser(events::add).feed(bytes, 8, 9);

        assertThat(events).extracting(SseEvent::data).containsExactly("a");
    }

    @Test
    void aConsumerFailureStopsTheParserButFinishStaysSafe() {
        SseParser parser =
                new SseParser(
                        event -> {
                            throw new IllegalStateException("client gone");
                        });

        assertThatThrownBy(() -> feed(parser, "data: a\n\ndata: b\n\n")).hasMessage("client gone");
        assertThatThrownBy(() -> feed(parser, "data: c\n\n"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("failed earlier");
        parser.finish();
        assertThat(parser.hasPartialEvent()).isTrue();
    }

    private static void feed(SseParser parser, String text) {
        byte[] bytes = text.getBytes(UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }

    private static byte[] concatenate(List<SseEvent> events) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        events.forEach(event -> out.writeBytes(event.raw()));
        return out.toByteArray();
    }
}
