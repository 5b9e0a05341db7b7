package io.signalbox.proxy.upstream.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the SSE parser, which reads bytes from any upstream: generated streams must come back as
 * the events they were written from, and arbitrary bytes, chunked anyhow, must parse exactly as
 * when read whole, with nothing invented or lost. The generators are seeded, so a failure names its
 * case and input and reproduces on every run; the seed corpus under {@code
 * src/test/resources/fuzz/sse} (inputs that once mattered) is replayed on every build.
 */
class SseParserFuzzTest {

    private static final long SEED = 20261122L;
    private static final Path CORPUS = Path.of("src/test/resources/fuzz/sse");
    private static final String[] LINE_ENDS = {"\n", "\r\n", "\r"};
    private static final String[] SSE_PIECES = {
        "data:",
        "data: ",
        "event: x",
        "id: 1",
        ":",
        "\n",
        "\r",
        "\r\n",
        "{\"a\":1}",
        "[DONE]",
        "é",
        "😀",
        " ",
        "retry: 5",
        "da",
        "ta",
        "\uFEFF"
    };

    /** One event as an upstream writes it: an optional name, data lines, a line ending. */
    private record Written(String name, List<String> dataLines, String lineEnd) {

        void writeTo(ByteArrayOutputStream out) {
            StringBuilder text = new StringBuilder();
            if (name != null) {
                text.append("event: ").append(name).append(lineEnd);
            }
            for (String line : dataLines) {
                text.append("data: ").append(line).append(lineEnd);
            }
            out.writeBytes(text.append(lineEnd).toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** What a run of the parser gave: every event and whether the end was cut. */
    private record Parsed(List<SseEvent> events, boolean partial) {}

    @Test
    void generatedEventsComeBackWhateverTheChunks() {
        Random random = new Random(SEED);
        for (int run = 0; run < 1_000; run++) {
            List<Written> written = new ArrayList<>();
            for (int i = random.nextInt(12); i > 0; i--) {
                written.add(randomEvent(random));
            }
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            written.forEach(event -> event.writeTo(stream));
            byte[] bytes = stream.toByteArray();
            String input = "case " + run + ": " + HexFormat.of().formatHex(bytes);

            Parsed parsed = parse(bytes, randomCuts(bytes.length, random));

            List<SseEvent> data =
                    parsed.events().stream().filter(event -> event.data() != null).toList();
            assertThat(parsed.partial()).as(input).isFalse();
            assertThat(data).as(input).hasSameSizeAs(written);
            for (int i = 0; i < written.size(); i++) {
                assertThat(data.get(i).event()).as(input).isEqualTo(written.get(i).name());
                assertThat(data.get(i).data())
                        .as(input)
                        .isEqualTo(String.join("\n", written.get(i).dataLines()));
            }
            assertThat(concatenatedRaw(parsed)).as(input).isEqualTo(bytes);
        }
    }

    @Test
    void arbitraryBytesParseAsWhenReadWhole() {
        Random random = new Random(SEED + 1);
        for (int run = 0; run < 3_000; run++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            assertChunkingChangesNothing("case " + run, bytes, random);
        }
    }

    @Test
    void sseLikeBytesParseAsWhenReadWhole() {
        // Bytes drawn mostly from what SSE is made of, so that every state of the parser is
        // reached.
        Random random = new Random(SEED + 2);
        for (int run = 0; run < 3_000; run++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (int i = random.nextInt(60); i > 0; i--) {
                if (random.nextInt(10) == 0) {
                    byte[] noise = new byte[1 + random.nextInt(3)];
                    random.nextBytes(noise);
                    out.writeBytes(noise);
                } else {
                    String piece = SSE_PIECES[random.nextInt(SSE_PIECES.length)];
                    out.writeBytes(piece.getBytes(StandardCharsets.UTF_8));
                }
            }
            assertChunkingChangesNothing("case " + run, out.toByteArray(), random);
        }
    }

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void theSeedCorpusParsesAsWhenReadWhole(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        assertThat(bytes).isNotEmpty();
        Random random = new Random(SEED);
        for (int run = 0; run < 300; run++) {
            assertChunkingChangesNothing(file + " run " + run, bytes, random);
        }
    }

    private static Written randomEvent(Random random) {
        String name = random.nextBoolean() ? null : randomText(random, 1, 12, true);
        List<String> lines = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            lines.add(randomText(random, 0, 40, false));
        }
        return new Written(name, lines, LINE_ENDS[random.nextInt(LINE_ENDS.length)]);
    }

    /**
     * Text without line breaks: any code point (one to four UTF-8 bytes), or only ASCII letters for
     * an event name.
     */
    private static String randomText(Random random, int min, int max, boolean lettersOnly) {
        StringBuilder text = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            int codePoint;
            if (lettersOnly) {
                codePoint = 'a' + random.nextInt(26);
            } else {
                do {
                    codePoint =
                            random.nextBoolean()
                                    ? random.nextInt(0x80)
                                    : random.nextInt(Character.MAX_CODE_POINT + 1);
                } while (codePoint == '\n'
                        || codePoint == '\r'
                        || (codePoint >= Character.MIN_SURROGATE
                                && codePoint <= Character.MAX_SURROGATE));
            }
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static void assertChunkingChangesNothing(String what, byte[] bytes, Random random) {
        String input = what + ": " + HexFormat.of().formatHex(bytes);
        Parsed whole = parse(bytes, new int[0]);
        Parsed chunked = parse(bytes, randomCuts(bytes.length, random));

        assertThat(chunked).as(input).isEqualTo(whole);
        // Nothing is invented or lost: the blocks are the input, up to a cut last event.
        byte[] raw = concatenatedRaw(whole);
        if (whole.partial()) {
            assertThat(Arrays.copyOf(bytes, raw.length)).as(input).isEqualTo(raw);
        } else {
            assertThat(raw).as(input).isEqualTo(bytes);
        }
    }

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
        return new Parsed(events, parser.hasPartialEvent());
    }

    /** Sorted offsets in [0, length] where the input is split, some of them repeated. */
    private static int[] randomCuts(int length, Random random) {
        int count = random.nextInt(Math.max(1, length / 2) + 1);
        return random.ints(count, 0, length + 1).sorted().toArray();
    }

    private static byte[] concatenatedRaw(Parsed parsed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parsed.events().forEach(event -> out.writeBytes(event.raw()));
        return out.toByteArray();
    }
}
