package io.signalbox.proxy.http;

import io.signalbox.proxy.routing.ProviderEndpoint;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's own credentials (its key and header values), masked in what the provider sends back
 * before it reaches a client or the request log: some servers quote the key they were sent in an
 * error ("Incorrect API key provided: sk-..."), and a client of the proxy must never learn it. Only
 * error paths are masked (error answers, error events, attempt errors); a model's regular output is
 * passed on as it is. SecretsIT.
 */
final class ProviderSecrets {

    static final String MASK = "[provider credential hidden by Signalbox]";

    /** Shorter header values are not credentials, and masking them would garble text. */
    private static final int MIN_SECRET_LENGTH = 8;

    static final ProviderSecrets NONE = new ProviderSecrets(List.of());

    /** Each secret as the Latin-1 view of its UTF-8 bytes, to search bytes losslessly. */
    private final List<String> secrets;

    private ProviderSecrets(List<String> secrets) {
        this.secrets = secrets;
    }

    static ProviderSecrets of(ProviderEndpoint provider) {
        if (provider == null) {
            return NONE;
        }
        List<String> secrets = new ArrayList<>();
        provider.apiKey().ifPresent(secrets::add);
        secrets.addAll(provider.headers().values());
        return new ProviderSecrets(
                secrets.stream()
                        .filter(secret -> secret.length() >= MIN_SECRET_LENGTH)
                        .map(ProviderSecrets::latin1)
                        .toList());
    }

    private static String latin1(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    String redact(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String latin1 = latin1(text);
        String masked = mask(latin1);
        if (masked == latin1) {
            return text;
        }
        return new String(masked.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** The same array when it holds no secret; any bytes (not only UTF-8) are kept as they are. */
    byte[] redact(byte[] bytes) {
        if (secrets.isEmpty()) {
            return bytes;
        }
        String latin1 = new String(bytes, StandardCharsets.ISO_8859_1);
        String masked = mask(latin1);
        return masked == latin1 ? bytes : masked.getBytes(StandardCharsets.ISO_8859_1);
    }

    ByteBuffer redact(ByteBuffer buffer) {
        if (secrets.isEmpty()) {
            return buffer;
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        byte[] masked = redact(bytes);
        return masked == bytes ? buffer : ByteBuffer.wrap(masked);
    }

    /** {@code text} itself when no secret occurs in it. */
    private String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            if (masked.contains(secret)) {
                masked = masked.replace(secret, MASK);
            }
        }
        return masked;
    }
}
