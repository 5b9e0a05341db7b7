package io.signalbox.proxy.it;

import static io.signalbox.proxy.it.Config.chain;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.signalbox.proxy.access.AccessPolicy;
import io.signalbox.proxy.access.Caller;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Garbage from clients: thousands of random requests (broken JSON, wrong types, invalid UTF-8, deep
 * nesting, odd paths and methods, random keys, oversized headers) get clear 4xx answers in the
 * OpenAI error shape, never a 5xx, a hang or a stack trace, and never reach an upstream unless they
 * are valid. Seeded: a failure names its case and reproduces.
 */
class BadInputIT extends ProxyTestBase {

    private static final String KEY = "sk-sb-bad-input-0123456789";
    private static final AccessPolicy ONE_KEY =
            new AccessPolicy() {
                @Override
                public boolean keysRequired() {
                    return true;
                }

                @Override
                public Optional<Caller> authenticate(String presentedKey) {
                    return KEY.equals(presentedKey)
                            ? Optional.of(new Caller(Optional.of("tester"), Set.of()))
                            : Optional.empty();
                }
            };
    private static final String[] PATHS = {
        "/v1/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses", "/v1/models",
        "/v1/../v1/chat/completions", "/v1/chat/completions?x=%zz", "/", "/v1", "/v2/chat",
        "/v1/chat/completions/../../etc/passwd", "/%00", "/v1/" + "a".repeat(3000)
    };
    private static final String[] METHODS = {
        "POST", "POST", "POST", "GET", "PUT", "DELETE", "HEAD"
    };

    /** One answer as seen on the wire. */
    private record Answer(int status, Map<String, String> headers, String body) {}

    @Test
    void randomRequestsGetClearClientErrorsAndNeverAFiveHundred() throws Exception {
        proxy = ProxyHarness.start(chain("chat", a), ONE_KEY, o -> o.withMaxBodyBytes(64 * 1024));
        Random random = new Random(20261122L);
        Map<Integer, Integer> statuses = new TreeMap<>();
        int valid = 0;
        int forwarded = 0;
        for (int run = 0; run < 1_500; run++) {
            boolean validKey = random.nextInt(4) != 0;
            String method = METHODS[random.nextInt(METHODS.length)];
            String path = PATHS[random.nextInt(PATHS.length)];
            byte[] body = randomBody(random);
            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(proxy.port()).append("\r\n");
            head.append("Authorization: Bearer ")
                    .append(validKey ? KEY : randomPrintable(random, 1 + random.nextInt(80)))
                    .append("\r\n");
            if (random.nextInt(20) == 0) {
                head.append("X-Huge: ").append("h".repeat(20_000 + random.nextInt(50_000)));
                head.append("\r\n");
            }
            head.append("Content-Type: application/json\r\n");
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            String what =
                    "case "
                            + run
                            + ": "
                            + method
                            + " "
                            + abbreviate(path)
                            + " "
                            + abbreviate(new String(body, StandardCharsets.ISO_8859_1));

            int hitsBefore = a.hits();
            Answer answer = exchange(head.toString(), body);

            statuses.merge(answer.status(), 1, Integer::sum);
            if (a.hits() > hitsBefore) {
                // The proxy found it valid and forwarded it; what the upstream made of it (the fake
                // refuses JSON nested deeper than its parser allows with a 500) is its answer.
                forwarded++;
                continue;
            }
            assertThat(answer.status()).as(what).isBetween(200, 499);
            assertThat(answer.body()).as(what).doesNotContain("Exception", "\tat ", "jetty");
            if (answer.status() >= 400 && !method.equals("HEAD")) {
                JsonNode error = Chat.parse(answer.body()).get("error");
                assertThat(error).as(what + " -> " + answer.body()).isNotNull();
                assertThat(error.get("message").asText()).as(what).isNotBlank();
                assertThat(error.get("type").asText()).as(what).isNotBlank();
            }
            if (answer.status() == 200 && !path.endsWith("/models")) {
                valid++;
            }
        }
        // Nothing refused reached the upstream (GET /v1/models is answered by the proxy itself).
        assertThat(forwarded)
                .as("statuses %s", statuses)
                .isEqualTo(a.hits())
                .isGreaterThan(valid / 2);
        assertThat(statuses).as("a mix of outcomes").containsKeys(200, 400, 401, 404, 405);
    }

    @Test
    void aBodyNestedDeeperThanTheParserReadsIs400() throws Exception {
        start(chain("chat", a));
        String deep = "{\"model\":\"chat\",\"x\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}";

        assertProxyError(proxy.chat(deep), 400, "invalid_request_error", "invalid_request");
        assertThat(a.hits()).isZero();
    }

    @Test
    void fieldsThatWouldRedirectARequestAreNeverUsed() throws Exception {
        start(chain("chat", a));
        ObjectNode body = (ObjectNode) Chat.parse(Chat.request("chat", "Hi"));
        String elsewhere = b.baseUrl().toString();
        body.put("api_base", elsewhere);
        body.put("base_url", elsewhere);
        body.put("api_key", "sk-from-the-body");
        body.putObject("headers").put("Authorization", "Bearer sk-from-the-body");

        HttpResponse<String> response = proxy.chat(body.toString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(b.hits()).isZero();
        assertThat(a.onlyRequest().header("Authorization")).isEqualTo("Bearer sk-a");
    }

    private Answer exchange(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2_000);
            // A hang fails the case instead of the whole build waiting.
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException refusedMidWrite) {
                // The proxy may answer (413, 431) and close before taking the whole upload.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketException reset) {
                // A reset after the answer was sent (the rest of our upload was refused).
            }
            return parse(received.toString(StandardCharsets.UTF_8));
        }
    }

    private static Answer parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        assertThat(end).as("a whole answer: %s", abbreviate(raw)).isPositive();
        String[] lines = raw.substring(0, end).split("\r\n");
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon), lines[i].substring(colon + 1).strip());
        }
        String body = raw.substring(end + 4);
        if ("chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(lines[0].substring(9, 12)), headers, body);
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /** A chat request, often broken: wrong types, cut short, invalid UTF-8, deep nesting. */
    private static byte[] randomBody(Random random) {
        String valid = Chat.request("chat", "Hi " + random.nextInt(1000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (random.nextInt(10)) {
            case 0 -> out.writeBytes(valid.getBytes(StandardCharsets.UTF_8));
            case 1 -> out.writeBytes(valid.substring(0, random.nextInt(valid.length())).getBytes());
            case 2 -> {
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80));
                out.writeBytes(bytes);
            }
            case 3 -> {
                String[] values = {
                    "null", "42", "[]", "{}", "true", "\"\"", "\"\\u0000\"", "1e999"
                };
                out.writeBytes(
                        valid.replace("\"chat\"", values[random.nextInt(values.length)])
                                .getBytes(StandardCharsets.UTF_8));
            }
            case 4 -> {
                int depth = 500 + random.nextInt(5_000);
                out.writeBytes(("{\"model\":\"chat\",\"x\":" + "[".repeat(depth)).getBytes());
                out.writeBytes(("]".repeat(depth) + "}").getBytes());
            }
            case 5 ->
                    out.writeBytes(
                            ("{\"model\":\"" + "m".repeat(random.nextInt(100_000)) + "\"}")
                                    .getBytes());
            case 6 -> {
                byte[] noise = new byte[random.nextInt(2_000)];
                random.nextBytes(noise);
                out.writeBytes(noise);
            }
            case 7 -> out.writeBytes(("{\"model\":\"chat\",\"model\":\"other\"}").getBytes());
            case 8 -> out.writeBytes(("{\"model\":\"no-such-route\",\"messages\":[]}").getBytes());
            default ->
                    out.writeBytes(
                            ("{\"model\":\"chat\",\"stream\":\""
                                            + randomPrintable(random, 5)
                                            + "\"}")
                                    .getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    private static String randomPrintable(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (0x21 + random.nextInt(0x5e)));
        }
        return text.toString();
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
