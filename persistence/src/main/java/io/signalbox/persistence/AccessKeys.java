package io.signalbox.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Making and hashing access keys: the plaintext key is shown once when generated, then only its
 * hash is stored.
 *
 * <p>A plain SHA-256 (no salt, no slow KDF) is enough for generated keys, whose 192 random bits
 * cannot be guessed, and it lets the proxy find a key by its hash on every request.
 */
public final class AccessKeys {

    /** Every generated key starts with this, so it is recognisable in a config or a leak scan. */
    public static final String KEY_PREFIX = "sk-sb-";

    /** {@value #KEY_PREFIX} plus 4 random characters (24 bits) for generated keys. */
    static final int DISPLAY_PREFIX_LENGTH = 10;

    private static final int RANDOM_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessKeys() {}

    /** A new key: {@value #KEY_PREFIX} and 24 random bytes in base64url without padding. */
    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The SHA-256 of the key's UTF-8 bytes, in lower-case hex. */
    public static String hash(String key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * The part of a key shown in the UI: its first {@value #DISPLAY_PREFIX_LENGTH} characters, but
     * never more than a third of it, so an imported short key is not shown almost whole.
     */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length() / 3));
    }
}
