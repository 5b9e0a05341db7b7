package io.signalbox.app.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log files: rotated by size in the data dir's logs folder, with secrets masked. */
class LogSetupTest {

    @TempDir Path temp;

    @AfterEach
    void closeTheFiles() {
        LogManager.getLogManager().reset();
    }

    @Test
    void logsRotateBySizeKeepingAFixedNumberOfFilesWithNoSecretInThem() throws Exception {
        DataDirectory dataDir = DataDirectory.open(temp.resolve("data"));
        int limit = 4_000;
        LogSetup.toDataDirectory(dataDir, limit, 3);
        Logger log = Logger.getLogger("io.signalbox.test.rotation");

        for (int i = 0; i < 400; i++) {
            log.log(
                    Level.INFO,
                    "call {0} with Authorization: Bearer sk-canary-rotation-{0} and"
                            + " api_key=canary-{0}-secret",
                    i);
        }
        LogManager.getLogManager().reset();

        Path logs = dataDir.logs();
        assertThat(logs.resolve("signalbox-0.log")).isRegularFile();
        assertThat(logs.resolve("signalbox-1.log")).isRegularFile();
        assertThat(logs.resolve("signalbox-2.log")).isRegularFile();
        assertThat(logs.resolve("signalbox-3.log")).as("only three files are kept").doesNotExist();
        for (int n = 0; n < 3; n++) {
            Path file = logs.resolve("signalbox-" + n + ".log");
            // java.util.logging rotates after the record that crosses the limit (~130 bytes here).
            assertThat(Files.size(file)).as(file.toString()).isLessThanOrEqualTo(limit + 200);
            assertThat(Files.readString(file))
                    .contains("[redacted]")
                    .doesNotContain("sk-canary-rotation")
                    .doesNotContain("-secret");
        }
        // The newest records are in file 0, the oldest kept in file 2.
        assertThat(Files.readString(logs.resolve("signalbox-0.log"))).contains("call 399 ");
    }
}
