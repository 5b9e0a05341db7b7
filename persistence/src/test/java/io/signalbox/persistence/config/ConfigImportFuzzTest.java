package io.signalbox.persistence.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzzes the configuration import, which reads files people edit by hand and documents scripts send
 * to {@code PUT /api/config}: mutated documents (fields removed, values of the wrong type, odd
 * strings, broken JSON text) must either import or be refused with problems that each name a path
 * and say what is wrong, never with another exception, and never quoting a secret back. What
 * imports must survive an export and a second import unchanged. Seeded from the documents under
 * {@code src/test/resources/fuzz/config}, which are replayed on every build.
 */
class ConfigImportFuzzTest {

    private static final JsonMapper JSON = new JsonMapper();
    private static final Path CORPUS = Path.of("src/test/resources/fuzz/config");

    /** The secrets of the seeds, and odd values that the fuzzer puts in the secret fields. */
    private static final List<String> SECRETS =
            List.of(
                    "sk-test-0123456789abcdef",
                    "sk-sb-alice-0123456789abcdef",
                    "sk-short",
                    "sk-with\nline-break-0123456789",
                    " sk-padded-0123456789abcdef ",
                    "org-secret-\u0000-value");

    private static final String[] ODD_STRINGS = {
        "",
        " ",
        "*",
        "**",
        "a/b",
        "é",
        "😀",
        "\u0000",
        "\n",
        "http://",
        "ftp://x",
        "-1",
        "1e309",
        "x".repeat(5_000),
        "null",
        "{}"
    };
    private static final String TEXT_NOISE = "{}[]\",:0-a\\ é\u0000";

    static Stream<Path> seeds() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void mutatedDocumentsImportOrAreRefusedWithClearProblems(Path seed) throws Exception {
        String original = Files.readString(seed);
        assertThat(importOrProblems(original)).as("the seed itself imports").isEmpty();
        Random random = new Random(seed.getFileName().toString().hashCode());
        for (int run = 0; run < 1_500; run++) {
            String mutated =
                    random.nextInt(4) == 0
                            ? mutateText(original, random)
                            : JSON.writeValueAsString(mutateTree(JSON.readTree(original), random));
            String input = seed.getFileName() + " case " + run + ": " + abbreviate(mutated);

            List<ConfigProblem> problems = importOrProblems(mutated);

            for (ConfigProblem problem : problems) {
                assertThat(problem.path()).as(input).isNotBlank();
                assertThat(problem.message()).as(input).isNotBlank();
                for (String secret : SECRETS) {
                    assertThat(problem.message()).as(input).doesNotContain(secret);
                }
            }
        }
    }

    /**
     * No problems when the document imports (and then survives a round trip), else its problems.
     */
    private static List<ConfigProblem> importOrProblems(String json) {
        SignalboxConfig config;
        try {
            config = ConfigReader.read(json).config();
        } catch (InvalidConfigException refused) {
            assertThat(refused.problems()).as(abbreviate(json)).isNotEmpty();
            return refused.problems();
        }
        assertThat(ConfigValidator.validate(config)).as(abbreviate(json)).isEmpty();
        try {
            SignalboxConfig again = ConfigReader.read(ConfigWriter.write(config, true)).config();
            // Access keys are stored as hashes, so no export carries their values.
            assertThat(again).as(abbreviate(json)).isEqualTo(withoutAccessKeyValues(config));
        } catch (InvalidConfigException e) {
            throw new AssertionError("An export did not import again: " + e.problems(), e);
        }
        return List.of();
    }

    private static SignalboxConfig withoutAccessKeyValues(SignalboxConfig config) {
        return new SignalboxConfig(
                config.providers(),
                config.routes(),
                config.accessKeys().stream()
                        .map(
                                key ->
                                        new AccessKeyConfig(
                                                key.name(),
                                                Optional.empty(),
                                                key.routes(),
                                                key.dailyTokenLimit()))
                        .toList());
    }

    /** One random change somewhere in the document tree. */
    private static JsonNode mutateTree(JsonNode root, Random random) {
        List<JsonNode> containers = new ArrayList<>();
        collectContainers(root, containers);
        JsonNode target = containers.get(random.nextInt(containers.size()));
        if (target instanceof ObjectNode object && !object.isEmpty()) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            String name = names.get(random.nextInt(names.size()));
            boolean secret = name.equals("apiKey") || name.equals("key") || isHeaders(root, object);
            switch (random.nextInt(4)) {
                case 0 -> object.remove(name);
                case 1 ->
                        object.set(
                                name,
                                secret && random.nextBoolean()
                                        ? JsonNodeFactory.instance.textNode(
                                                SECRETS.get(random.nextInt(SECRETS.size())))
                                        : randomValue(random));
                case 2 -> object.set("unknown" + random.nextInt(3), randomValue(random));
                default -> object.set(name, object.get(name).deepCopy());
            }
        } else if (target instanceof ArrayNode array && !array.isEmpty()) {
            int index = random.nextInt(array.size());
            switch (random.nextInt(3)) {
                case 0 -> array.remove(index);
                case 1 -> array.add(array.get(index).deepCopy());
                default -> array.set(index, randomValue(random));
            }
        }
        return root;
    }

    /** True when {@code object} is a provider's {@code headers}, whose values may be secrets. */
    private static boolean isHeaders(JsonNode root, JsonNode object) {
        for (JsonNode provider : root.path("providers")) {
            if (provider.get("headers") == object) {
                return true;
            }
        }
        return false;
    }

    private static void collectContainers(JsonNode node, List<JsonNode> into) {
        if (node.isContainerNode()) {
            into.add(node);
            node.forEach(child -> collectContainers(child, into));
        }
    }

    private static JsonNode randomValue(Random random) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return switch (random.nextInt(8)) {
            case 0 -> nodes.nullNode();
            case 1 -> nodes.booleanNode(random.nextBoolean());
            case 2 -> nodes.numberNode(random.nextInt(3_000) - 1_000);
            case 3 -> nodes.numberNode(random.nextDouble() * 1e12);
            case 4 -> nodes.arrayNode().add(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            case 5 ->
                    nodes.objectNode().put("name", ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
            default -> nodes.textNode(ODD_STRINGS[random.nextInt(ODD_STRINGS.length)]);
        };
    }

    /** Broken text: cut short, a character dropped, or one inserted. */
    private static String mutateText(String text, Random random) {
        int at = random.nextInt(text.length() + 1);
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, at);
            case 1 -> at < text.length() ? text.substring(0, at) + text.substring(at + 1) : text;
            default ->
                    text.substring(0, at)
                            + TEXT_NOISE.charAt(random.nextInt(TEXT_NOISE.length()))
                            + text.substring(at);
        };
    }

    private static String abbreviate(String text) {
        return text.length() <= 600 ? text : text.substring(0, 600) + "…";
    }
}
