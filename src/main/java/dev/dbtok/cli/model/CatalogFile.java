package dev.dbtok.cli.model;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * Reads a resource of dbtok's own class path. The class loader would find it too, but through a {@code jar:} URL
 * connection, whose first use costs a short run ~4 ms more than opening the jar, already open for the classes, again.
 */
final class CatalogFile {
    private CatalogFile() {
    }

    /**
     * The bytes of {@code name} in the first entry of {@code classPath} that holds it, else as {@code loader} finds it;
     * {@code null} when neither does.
     */
    static byte[] read(String classPath, ClassLoader loader, String name) throws IOException {
        for (String entry : classPath.split(File.pathSeparator)) {
            File file = new File(entry);
            if (file.isDirectory()) {
                File resource = new File(file, name);
                if (resource.isFile()) {
                    return Files.readAllBytes(resource.toPath());
                }
            } else if (file.isFile() && entry.endsWith(".jar")) {
                try (JarFile jar = new JarFile(file, false)) {
                    ZipEntry zipEntry = jar.getEntry(name);
                    if (zipEntry != null) {
                        try (InputStream in = jar.getInputStream(zipEntry)) {
                            return in.readAllBytes();
                        }
                    }
                }
            }
        }
        // Another class loader (an IDE, a test): ask it.
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        }
    }
}
