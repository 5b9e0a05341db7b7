package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String PLAINTEXT = "sk-live-plaintext-0123456789";

    @TempDir Path temp;

    private final SecretCipher cipher = SecretCipher.withKey(randomKey());

    @Test
    void decryptsWhatItEncrypted() {
        for (String plaintext : new String[] {PLAINTEXT, "", "ünïcødé 🔑 ключ"}) {
            assertThat(cipher.decrypt(cipher.encrypt(plaintext))).isEqualTo(plaintext);
        }
    }

    @Test
    void encryptsTheSameTextDifferentlyEachTime() {
        String first = cipher.encrypt(PLAINTEXT);
        String second = cipher.encrypt(PLAINTEXT);

        assertThat(first).startsWith("v1:").isNotEqualTo(second).doesNotContain(PLAINTEXT);
        // 12-byte IV + 16-byte tag around the ciphertext.
        assertThat(Base64.getDecoder().decode(first.substring(3))).hasSize(PLAINTEXT.length() + 28);
    }

    @Test
    void refusesTextEncryptedWithAnotherKeyWithoutRevealingIt() {
        String stored = SecretCipher.withKey(randomKey()).encrypt(PLAINTEXT);

        assertThatThrownBy(() -> cipher.decrypt(stored))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("another key")
                .hasMessageNotContaining(PLAINTEXT)
                .hasMessageNotContaining(stored.substring(3));
    }

    @Test
    void refusesAlteredText() {
        byte[] bytes = Base64.getDecoder().decode(cipher.encrypt(PLAINTEXT).substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> cipher.decrypt(altered))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("altered")
                .hasMessageNotContaining(PLAINTEXT);
    }

    @Test
    void refusesTextNotInTheV1Form() {
        assertThatThrownBy(() -> cipher.decrypt(PLAINTEXT))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("v1:")
                .hasMessageNotContaining(PLAINTEXT);
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64!"))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA"))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("too short");
    }

    @Test
    void createsTheKeyFileOnceAndReadsItAfterwards() throws IOException {
        Path keyFile = temp.resolve(SecretCipher.KEY_FILE_NAME);
        String stored = SecretCipher.open(keyFile).encrypt(PLAINTEXT);
        byte[] key = Files.readAllBytes(keyFile);

        assertThat(SecretCipher.open(keyFile).decrypt(stored)).isEqualTo(PLAINTEXT);
        assertThat(key).hasSize(32);
        assertThat(Files.readAllBytes(keyFile)).isEqualTo(key);
        assertThat(temp.resolve(SecretCipher.KEY_FILE_NAME + ".tmp")).doesNotExist();
    }

    @Test
    void createsTheKeyFileOwnerOnly() throws IOException {
        assumeThat(OwnerOnlyFiles.isPosix(temp)).as("POSIX file permissions").isTrue();
        Path keyFile = temp.resolve(SecretCipher.KEY_FILE_NAME);
        SecretCipher.open(keyFile);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)))
                .isEqualTo("rw-------");
    }

    @Test
    void refusesADamagedKeyFileInsteadOfReplacingIt() throws IOException {
        Path keyFile = temp.resolve(SecretCipher.KEY_FILE_NAME);
        Files.write(keyFile, new byte[7]);

        assertThatThrownBy(() -> SecretCipher.open(keyFile))
                .isInstanceOf(SecretCipherException.class)
                .hasMessageContaining("damaged");
        assertThat(Files.size(keyFile)).isEqualTo(7);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
