package io.signalbox.persistence;

/**
 * A secret could not be encrypted or decrypted, or the key file could not be used.
 *
 * <p>The message says what went wrong with the stored text or the key file; it never contains the
 * plaintext, the ciphertext or the key.
 */
public final class SecretCipherException extends PersistenceException {

    public SecretCipherException(String message) {
        super(message);
    }

    public SecretCipherException(String message, Throwable cause) {
        super(message, cause);
    }
}
