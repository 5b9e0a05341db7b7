package io.signalbox.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessKeysTest {

    @Test
    void generatesPrefixedKeysWith192RandomBits() {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            keys.add(AccessKeys.generate());
        }

        // 24 bytes are 32 base64url characters without padding.
        assertThat(keys).hasSize(100).allMatch(key -> key.matches("sk-sb-[A-Za-z0-9_-]{32}"));
    }

    @Test
    void hashesWithSha256InLowerCaseHex() {
        assertThat(AccessKeys.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void showsTenCharactersOfAGeneratedKeyButAtMostAThirdOfAShortOne() {
        String generated = AccessKeys.generate();

        assertThat(AccessKeys.displayPrefix(generated)).isEqualTo(generated.substring(0, 10));
        assertThat(AccessKeys.displayPrefix("hunter2-secret")).isEqualTo("hunt");
        assertThat(AccessKeys.displayPrefix("ab")).isEmpty();
    }
}
