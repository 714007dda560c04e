package dev.dbtok.http;

import dev.dbtok.config.AtomicFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Remembers which certificates a password-protected PKCS12 trust store makes trusted, so that later runs skip
 * decrypting it. Loading such a store runs two 10 000-round password derivations: on 2 cores with JDK 17 that is about
 * 70 ms of every https run, longer than the rest of the TLS set-up. The trust store is the one the JVM's defaults
 * would read ({@code javax.net.ssl.trustStore}, {@code trustStoreType}, {@code trustStorePassword}, as often set in
 * {@code JAVA_TOOL_OPTIONS}); any other set-up (no trust store property, no password, another type, a
 * {@code trustStoreProvider}) is left to the JVM, which reads it quickly.
 *
 * <p>Why the trust decisions stay the same:
 * <ul>
 *   <li>The cache file is named by a SHA-256 digest of the trust store's bytes, its type, its password and the JVM
 *       (home and version): a changed file, a different password or another JDK reads the trust store again.</li>
 *   <li>It holds the certificates the JVM's trust manager trusts ({@code getAcceptedIssuers()} of the trust manager
 *       made from the store, exactly what the JVM's default trust manager trusts), and the trust manager is made
 *       again from them by the same factory: same certificates, same checks (paths, host names, algorithms).</li>
 *   <li>A store that fails to load (wrong password, broken file) is never cached: the JVM's own path then reads it and
 *       fails with its own error, as without this class.</li>
 *   <li>The directory ({@code $XDG_CACHE_HOME/dbtok} or {@code ~/.cache/dbtok}) is made owner-only; a cache file or
 *       directory that others may write, a symbolic link, or a file that does not parse is ignored and read afresh.
 *       Files are written atomically and owner-only; a failure to write costs only the next run's speed.</li>
 * </ul>
 */
final class TrustStoreCache {
    /** Larger trust stores are read by the JVM as usual: they would cost more to hash than they save. */
    static final int MAX_STORE_BYTES = 8 << 20;
    /** Cache files kept; the oldest beyond this are removed when one is added. */
    static final int KEPT = 8;
    private static final String PREFIX = "truststore-";
    private static final String SUFFIX = ".der";
    private static final Set<PosixFilePermission> OTHERS_WRITE =
            Set.of(PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

    private final Path dir;

    TrustStoreCache(Path dir) {
        this.dir = dir;
    }

    /**
     * The cache directory for the environment {@code env}: {@code $XDG_CACHE_HOME/dbtok} when that is an absolute path,
     * else {@code $HOME/.cache/dbtok}; {@code null} when neither is set.
     */
    static Path directory(Map<String, String> env) {
        String xdg = env.get("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "dbtok");
        }
        String home = env.get("HOME");
        return home == null || home.isEmpty() ? null : Path.of(home, ".cache", "dbtok");
    }

    /** The trust store the JVM's default trust manager would read, when it is one this cache is for. */
    record Settings(Path path, String type, char[] password) {
        /** From the {@code javax.net.ssl.*} system properties; {@code null} when the JVM is best left to read them. */
        static Settings current() {
            String path = System.getProperty("javax.net.ssl.trustStore", "");
            String type = System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType());
            String provider = System.getProperty("javax.net.ssl.trustStoreProvider", "");
            String password = System.getProperty("javax.net.ssl.trustStorePassword", "");
            if (path.isEmpty() || path.equals("NONE") || !provider.isEmpty() || password.isEmpty()
                    || !type.equalsIgnoreCase("PKCS12")) {
                return null;
            }
            return new Settings(Path.of(path), type, password.toCharArray());
        }
    }

    /**
     * The trust manager the JVM's defaults would make, from the cache when it holds this trust store, else from the
     * store itself (then cached); {@code null} when this cache is not for the current settings or the store does not
     * load: the caller then lets the JVM read it, with the JVM's own result or error.
     */
    X509TrustManager trustManager() {
        Settings settings = Settings.current();
        if (settings == null) {
            return null;
        }
        byte[] store = readStore(settings.path());
        if (store == null) {
            return null;
        }
        Path file = dir.resolve(PREFIX + key(settings, store) + SUFFIX);
        List<X509Certificate> cached = readCached(file);
        if (cached != null) {
            return trustManager(keyStoreOf(cached));
        }
        X509TrustManager loaded = trustManager(load(settings, store));
        if (loaded != null) {
            write(file, loaded.getAcceptedIssuers());
        }
        return loaded;
    }

    private static byte[] readStore(Path path) {
        try {
            if (!Files.isRegularFile(path) || Files.size(path) > MAX_STORE_BYTES) {
                return null;
            }
            return Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Hex SHA-256 of everything that decides what the store trusts. */
    static String key(Settings settings, byte[] store) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {"dbtok trust store 1", System.getProperty("java.home", ""),
                    System.getProperty("java.version", ""), settings.type().toLowerCase(Locale.ROOT),
                    new String(settings.password())}) {
                sha.update(part.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest(store));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    /** The cached certificates, or {@code null} when the file is absent, unsafe or broken. */
    private List<X509Certificate> readCached(Path file) {
        try {
            if (!ownerOnlyWritable(dir) || !ownerOnlyWritable(file)) {
                return null;
            }
            List<X509Certificate> certificates = new ArrayList<>();
            try (InputStream in = new ByteArrayInputStream(Files.readAllBytes(file))) {
                Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
                for (Certificate certificate : all) {
                    certificates.add((X509Certificate) certificate);
                }
            }
            return certificates;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** A regular file or directory, not a link, that only its owner may write; {@code false} when absent. */
    private static boolean ownerOnlyWritable(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attributes.isSymbolicLink() || attributes.isOther()) {
            return false;
        }
        for (PosixFilePermission permission : OTHERS_WRITE) {
            if (attributes.permissions().contains(permission)) {
                return false;
            }
        }
        return true;
    }

    /** The store as the JVM loads it; {@code null} when it does not load. */
    private static KeyStore load(Settings settings, byte[] store) {
        try {
            KeyStore keyStore = KeyStore.getInstance(settings.type());
            keyStore.load(new ByteArrayInputStream(store), settings.password());
            return keyStore;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    private static KeyStore keyStoreOf(List<X509Certificate> certificates) {
        try {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            for (int i = 0; i < certificates.size(); i++) {
                keyStore.setCertificateEntry("trusted-" + i, certificates.get(i));
            }
            return keyStore;
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** The default factory's trust manager for {@code keyStore}, as the JVM's defaults make it from theirs. */
    private static X509TrustManager trustManager(KeyStore keyStore) {
        if (keyStore == null) {
            return null;
        }
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(keyStore);
            TrustManager[] managers = factory.getTrustManagers();
            if (managers.length == 1 && managers[0] instanceof X509TrustManager manager) {
                return manager;
            }
            return null;
        } catch (GeneralSecurityException | RuntimeException e) {
            return null;
        }
    }

    /** Best effort: a cache that cannot be written only costs the next run the time it would have saved. */
    private void write(Path file, X509Certificate[] certificates) {
        try {
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (X509Certificate certificate : certificates) {
                content.write(certificate.getEncoded());
            }
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            if (!ownerOnlyWritable(dir)) {
                return;
            }
            // A link in its place is replaced, not followed: the cache writes only its own files.
            Files.deleteIfExists(file);
            new AtomicFile().write(file, content.toByteArray());
            removeOldest();
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // see above
        }
    }

    /** Keeps the {@link #KEPT} most recently written cache files. */
    private void removeOldest() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, PREFIX + "*" + SUFFIX)) {
            for (Path entry : entries) {
                files.add(entry);
            }
        }
        if (files.size() <= KEPT) {
            return;
        }
        List<FileTime> times = new ArrayList<>();
        for (Path file : files) {
            times.add(Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS));
        }
        while (files.size() > KEPT) {
            int oldest = 0;
            for (int i = 1; i < files.size(); i++) {
                if (times.get(i).compareTo(times.get(oldest)) < 0) {
                    oldest = i;
                }
            }
            Files.deleteIfExists(files.remove(oldest));
            times.remove(oldest);
        }
    }
}
