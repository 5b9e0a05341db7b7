package io.signalbox.app.launch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The management API's bearer token: random, made at first start, kept in the owner-only file
 * {@code admin-token} of the data dir (CONTRACT section 4).
 */
public final class AdminToken {

    public static final String FILE_NAME = "admin-token";
    private static final int BYTES = 32;

    private final byte[] token;

    private AdminToken(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static AdminToken loadOrCreate(DataDirectory dataDir) throws IOException {
        Path file = dataDir.resolve(FILE_NAME);
        if (Files.exists(file)) {
            String existing = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (!existing.isEmpty()) {
                return new AdminToken(existing);
            }
        }
        byte[] random = new byte[BYTES];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        DataDirectory.writeOwnerOnly(file, (token + "\n").getBytes(StandardCharsets.UTF_8));
        return new AdminToken(token);
    }

    /** Compares in constant time, so response timing tells nothing about the token. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "AdminToken[hidden]";
    }
}
