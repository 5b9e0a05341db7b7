package io.signalbox.app.launch;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * One running Signalbox per data dir. The OS lock on {@code instance.lock} is released when the
 * process dies, however it dies, so a lock left by a killed process never blocks the next start.
 * Who holds it is written beside it, in {@code instance.info}, for the message a second start
 * prints.
 */
public final class InstanceLock implements AutoCloseable {

    private static final String LOCK_FILE = "instance.lock";
    private static final String INFO_FILE = "instance.info";

    private final FileChannel channel;
    private final FileLock lock;
    private final Path info;

    private InstanceLock(FileChannel channel, FileLock lock, Path info) {
        this.channel = channel;
        this.lock = lock;
        this.info = info;
    }

    /** Thrown when another running instance holds the data dir. */
    public static final class HeldException extends Exception {
        public HeldException(String message) {
            super(message);
        }
    }

    public static InstanceLock acquire(DataDirectory dataDir) throws IOException, HeldException {
        Path lockFile = dataDir.resolve(LOCK_FILE);
        Path info = dataDir.resolve(INFO_FILE);
        if (!Files.exists(lockFile)) {
            try {
                DataDirectory.writeOwnerOnly(lockFile, new byte[0]);
            } catch (IOException e) {
                // Another instance may have created it at the same moment; the lock decides.
            }
        }
        FileChannel channel =
                FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this same JVM (tests start two runtimes in one process)
        }
        if (lock == null) {
            channel.close();
            throw new HeldException(
                    "Signalbox is already running with the data dir "
                            + dataDir.root()
                            + describe(info)
                            + ". Stop it first, or start with another --data-dir.");
        }
        InstanceLock acquired = new InstanceLock(channel, lock, info);
        acquired.describeSelf(Optional.empty());
        return acquired;
    }

    private static String describe(Path info) {
        try {
            String text = Files.readString(info, StandardCharsets.UTF_8).strip();
            return text.isEmpty() ? "" : " (" + text + ")";
        } catch (IOException e) {
            return "";
        }
    }

    /** Records who holds the lock, and where it serves once the proxy listens. */
    public void describeSelf(Optional<String> baseUrl) throws IOException {
        String text =
                "pid "
                        + ProcessHandle.current().pid()
                        + baseUrl.map(url -> ", proxy at " + url).orElse("");
        DataDirectory.writeOwnerOnly(info, text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(info);
            lock.release();
        } finally {
            channel.close();
        }
    }
}
