package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceLockTest {

    @Test
    void aSecondLockOnTheSameDataDirNamesTheHolder(@TempDir Path temp) throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp);
        try (InstanceLock first = InstanceLock.acquire(dataDir)) {
            first.describeSelf(Optional.of("http://127.0.0.1:1234/v1"));

            assertThatThrownBy(() -> InstanceLock.acquire(dataDir))
                    .isInstanceOf(InstanceLock.HeldException.class)
                    .hasMessageContaining("pid " + ProcessHandle.current().pid())
                    .hasMessageContaining("http://127.0.0.1:1234/v1");
        }
    }

    @Test
    void aReleasedLockCanBeTakenAgain(@TempDir Path temp) throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp);
        InstanceLock.acquire(dataDir).close();

        try (InstanceLock again = InstanceLock.acquire(dataDir)) {
            assertThat(again).isNotNull();
        }
    }
}
