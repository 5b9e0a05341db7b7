package io.signalbox.persistence;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryFlag;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

/**
 * Creates files and folders that only the current user can open: the data dir holds the database
 * (request log, hashed access keys, encrypted secrets) and the key that decrypts those secrets.
 *
 * <p>On POSIX file systems the permissions are given at creation, so there is no moment in which a
 * file exists with the umask's looser bits. Elsewhere (Windows) the ACL is narrowed to the owner
 * right after creation; that is the best {@code java.nio} offers there.
 */
final class OwnerOnlyFiles {

    private static final Set<PosixFilePermission> DIRECTORY =
            PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE =
            PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /** Creates {@code dir} owner-only if missing; missing parents get the usual permissions. */
    static void createDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            // Only the data dir itself is ours to lock down; a missing ~/.local/share is not.
            Files.createDirectories(parent);
        }
        try {
            if (isPosix(dir)) {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } else {
                Files.createDirectory(dir);
                restrictAcl(dir);
            }
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    /**
     * Creates an empty owner-only file.
     *
     * @return false when the file already existed (it is left as it is)
     */
    static boolean createFile(Path file) throws IOException {
        try {
            if (isPosix(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
                restrictAcl(file);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    /**
     * Writes a new owner-only file through a temporary sibling and a rename, so a crash while
     * writing never leaves a half-written {@code target} behind.
     */
    static void writeNewFile(Path target, byte[] content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(temporary); // left over from a crash between create and rename
        FileAttribute<?>[] attributes =
                isPosix(target)
                        ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(FILE)}
                        : new FileAttribute<?>[0];
        try (SeekableByteChannel channel =
                Files.newByteChannel(
                        temporary,
                        Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                        attributes)) {
            if (!isPosix(target)) {
                restrictAcl(temporary);
            }
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            if (channel instanceof FileChannel fileChannel) {
                fileChannel.force(true);
            }
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Narrows an existing file or folder to its owner. */
    static void restrict(Path path) throws IOException {
        if (isPosix(path)) {
            Files.setPosixFilePermissions(path, Files.isDirectory(path) ? DIRECTORY : FILE);
        } else {
            restrictAcl(path);
        }
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void restrictAcl(Path path) throws IOException {
        AclFileAttributeView view = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (view == null) {
            return; // a file system with neither POSIX bits nor ACLs: nothing we can narrow
        }
        AclEntry.Builder ownerOnly =
                AclEntry.newBuilder()
                        .setType(AclEntryType.ALLOW)
                        .setPrincipal(view.getOwner())
                        .setPermissions(AclEntryPermission.values());
        if (Files.isDirectory(path)) {
            // Files H2 creates later in the folder inherit the owner-only entry.
            ownerOnly.setFlags(AclEntryFlag.FILE_INHERIT, AclEntryFlag.DIRECTORY_INHERIT);
        }
        view.setAcl(List.of(ownerOnly.build()));
    }
}
