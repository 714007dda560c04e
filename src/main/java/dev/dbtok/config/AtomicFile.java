package dev.dbtok.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a file so that a crash at any moment leaves either the old content or the new one, never a mix
 * or nothing: the bytes go to a temporary file in the same directory, created owner-only ({@code 0600}),
 * are flushed to disk, and the temporary file is then renamed over the target in one atomic step. A
 * symbolic link is followed, so that a config file kept in a dotfiles repository stays a link.
 */
public final class AtomicFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Runs between the flushed temporary file and the rename; tests fail it to play a crash. */
    interface BeforeRename {
        void run(Path temporary) throws IOException;
    }

    private final BeforeRename beforeRename;

    public AtomicFile() {
        this(temporary -> {
        });
    }

    AtomicFile(BeforeRename beforeRename) {
        this.beforeRename = beforeRename;
    }

    /**
     * Writes {@code content} to {@code target}, which ends up owner-only.
     *
     * @throws IOException with a one-line message naming the path; the target is then unchanged
     */
    public void write(Path target, byte[] content) throws IOException {
        Path real = followLink(target);
        Path dir = real.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new IOException("write " + target + ": directory " + dir + " does not exist");
        }
        Path temporary;
        try {
            temporary = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp", ownerOnly(dir));
        } catch (IOException e) {
            throw new IOException("write " + target + ": cannot create a file in " + dir + ": " + reason(e), e);
        }
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            beforeRename.run(temporary);
            Files.move(temporary, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(temporary);
            throw new IOException("write " + target + ": " + reason(e), e);
        }
        syncDirectory(dir);
    }

    /** The file a symbolic link points to (relative links resolve against the link's directory). */
    private static Path followLink(Path target) throws IOException {
        Path current = target;
        for (int hops = 0; hops < 40 && Files.isSymbolicLink(current); hops++) {
            Path link = Files.readSymbolicLink(current);
            Path parent = current.toAbsolutePath().getParent();
            current = parent == null ? link : parent.resolve(link);
        }
        return current;
    }

    private static FileAttribute<?>[] ownerOnly(Path dir) {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
                : new FileAttribute<?>[0];
    }

    /** Makes the rename itself durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // The content is on disk already; only the rename may be lost by a power failure here.
        }
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
