package io.signalbox.persistence;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts the secrets kept in the database (provider API keys, header values) with AES-256-GCM.
 *
 * <p>The key lives in {@value #KEY_FILE_NAME} next to the database, not in it, so a copied database
 * file alone reveals no secret. Each value gets a fresh random 12-byte IV (GCM must never reuse an
 * IV under one key) and is stored as {@code v1:} + base64(IV ‖ ciphertext ‖ tag); the version
 * prefix leaves room for a later key rotation or algorithm change.
 *
 * <p>Thread-safe: every call uses its own {@link Cipher}.
 */
public final class SecretCipher {

    /** The key file's name inside the data dir. */
    public static final String KEY_FILE_NAME = "secret.key";

    private static final String FORMAT_PREFIX = "v1:";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int KEY_BYTES = 32;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random;

    private SecretCipher(byte[] keyBytes, SecureRandom random) {
        this.key = new SecretKeySpec(keyBytes, "AES");
        this.random = random;
    }

    /**
     * Reads the key from {@code keyFile}, first generating it (owner-only) when the file is
     * missing.
     *
     * @throws SecretCipherException when the file cannot be read or written or is not a key
     */
    public static SecretCipher open(Path keyFile) {
        SecureRandom random = new SecureRandom();
        try {
            byte[] keyBytes = readKey(keyFile);
            if (keyBytes == null) {
                keyBytes = new byte[KEY_BYTES];
                random.nextBytes(keyBytes);
                OwnerOnlyFiles.writeNewFile(keyFile, keyBytes);
            }
            try {
                return new SecretCipher(keyBytes, random);
            } finally {
                Arrays.fill(keyBytes, (byte) 0); // SecretKeySpec keeps its own copy
            }
        } catch (IOException e) {
            throw new SecretCipherException("could not read or create the key file " + keyFile, e);
        }
    }

    /** A cipher with a given 32-byte key, for tests. */
    static SecretCipher withKey(byte[] keyBytes) {
        if (keyBytes.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes");
        }
        return new SecretCipher(keyBytes.clone(), new SecureRandom());
    }

    private static byte[] readKey(Path keyFile) throws IOException {
        byte[] keyBytes;
        try {
            keyBytes = Files.readAllBytes(keyFile);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (keyBytes.length != KEY_BYTES) {
            // Never regenerate here: the secrets in the database would be lost for good.
            throw new SecretCipherException(
                    "the key file "
                            + keyFile
                            + " is damaged: it has "
                            + keyBytes.length
                            + " bytes instead of "
                            + KEY_BYTES);
        }
        return keyBytes;
    }

    /** Encrypts {@code plaintext} into the stored text form {@code v1:...}. */
    public String encrypt(String plaintext) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + ciphertext.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(ciphertext, 0, stored, IV_BYTES, ciphertext.length);
            return FORMAT_PREFIX + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("could not encrypt a secret", e);
        }
    }

    /**
     * Decrypts a value made by {@link #encrypt}.
     *
     * @throws SecretCipherException when {@code stored} is not in the {@code v1:} form, was
     *     altered, or was encrypted with another key
     */
    public String decrypt(String stored) {
        if (!stored.startsWith(FORMAT_PREFIX)) {
            throw new SecretCipherException("a stored secret is not in the v1: format");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(FORMAT_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes an input character: leave it out.
            throw new SecretCipherException("a stored secret is not valid base64");
        }
        if (bytes.length < IV_BYTES + TAG_BITS / 8) {
            throw new SecretCipherException("a stored secret is too short to be a v1 secret");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(
                    Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plaintext = cipher.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            return new String(plaintext, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new SecretCipherException(
                    "a stored secret does not match "
                            + KEY_FILE_NAME
                            + ": it was altered or encrypted with another key");
        } catch (GeneralSecurityException e) {
            throw new SecretCipherException("could not decrypt a stored secret", e);
        }
    }
}
