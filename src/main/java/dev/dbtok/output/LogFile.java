package dev.dbtok.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Opens a {@code --log-file}: appended to, never truncated, and created readable and writable by its owner only
 * (logs describe requests, so other users of the machine have no business reading them). An existing file keeps
 * its permissions, as with the official CLI.
 */
final class LogFile {
    private static final Set<StandardOpenOption> APPEND =
            EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);

    private LogFile() {
    }

    static OutputStream openForAppend(String name) {
        try {
            Path path = Path.of(name);
            return Channels.newOutputStream(path.getFileSystem().provider().newByteChannel(path, APPEND, ownerOnly()));
        } catch (InvalidPathException e) {
            throw new LogFileException("open " + name + ": invalid argument", e);
        } catch (IOException e) {
            throw new LogFileException("open " + name + ": " + reason(e), e);
        }
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    }

    /** The failure in the words of Go's {@code os.OpenFile} (the errno text), so the line reads like upstream's. */
    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        String text = e instanceof FileSystemException fs && fs.getReason() != null ? fs.getReason() : e.getMessage();
        if (text == null || text.isEmpty()) {
            return e.getClass().getSimpleName();
        }
        return text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
    }
}
