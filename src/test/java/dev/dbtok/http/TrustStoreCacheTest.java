package dev.dbtok.http;

import dev.dbtok.support.SelfSignedTokenServer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust store cache trusts exactly what the JVM's default trust manager trusts, reads a trust store again whenever
 * anything that decides its content changes, never caches a store that fails to load, and ignores cache files it
 * cannot rely on.
 */
@DisabledOnOs(OS.WINDOWS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TrustStoreCacheTest {
    private static final String[] PROPERTIES = {"javax.net.ssl.trustStore", "javax.net.ssl.trustStorePassword",
        "javax.net.ssl.trustStoreType", "javax.net.ssl.trustStoreProvider"};

    @TempDir
    static Path shared;

    /** Two trust stores, each a self-signed server's key store (password changeit): one key entry each. */
    static SelfSignedTokenServer first;
    static SelfSignedTokenServer second;

    @TempDir
    Path dir;

    private final Map<String, String> saved = new HashMap<>();

    @BeforeAll
    static void makeStores() throws Exception {
        first = SelfSignedTokenServer.start(Files.createDirectories(shared.resolve("first")));
        second = SelfSignedTokenServer.start(Files.createDirectories(shared.resolve("second")));
    }

    @AfterAll
    static void stopServers() {
        first.close();
        second.close();
    }

    @BeforeEach
    void saveProperties() {
        for (String name : PROPERTIES) {
            saved.put(name, System.getProperty(name));
            System.clearProperty(name);
        }
    }

    @AfterEach
    void restoreProperties() {
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    static void trust(Path store, String password) {
        System.setProperty("javax.net.ssl.trustStore", store.toString());
        System.setProperty("javax.net.ssl.trustStorePassword", password);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
    }

    /** What the JVM's default trust manager trusts with the current properties. */
    static Set<X509Certificate> jvmTrusts() throws Exception {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        return Set.of(((X509TrustManager) factory.getTrustManagers()[0]).getAcceptedIssuers());
    }

    static Set<X509Certificate> trusted(X509TrustManager manager) {
        return Set.of(manager.getAcceptedIssuers());
    }

    static X509Certificate certificateOf(Path store) throws Exception {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, SelfSignedTokenServer.PASSWORD.toCharArray());
        }
        return (X509Certificate) keyStore.getCertificate("test");
    }

    Path cacheDir() {
        return dir.resolve("cache/dbtok");
    }

    List<Path> cacheFiles() throws IOException {
        if (!Files.isDirectory(cacheDir())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cacheDir())) {
            return files.sorted().toList();
        }
    }

    Path store(String name, SelfSignedTokenServer server) throws IOException {
        return Files.copy(server.keyStore(), dir.resolve(name));
    }

    @Test
    void should_cache_in_the_xdg_cache_home_else_under_home() {
        assertEquals(Path.of("/x/cache/dbtok"), TrustStoreCache.directory(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/dbtok"), TrustStoreCache.directory(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/dbtok"), TrustStoreCache.directory(Map.of("XDG_CACHE_HOME", "", "HOME", "/h")));
        assertNull(TrustStoreCache.directory(Map.of()));
        assertNull(TrustStoreCache.directory(Map.of("HOME", "")));
    }

    @Test
    void should_leave_to_the_jvm_every_set_up_but_a_password_protected_pkcs12_file() throws Exception {
        Path store = store("store.p12", first);
        assertNull(TrustStoreCache.Settings.current(), "no trust store property: the JVM's own CA certificates");
        trust(store, "changeit");
        assertNotNull(TrustStoreCache.Settings.current());
        System.setProperty("javax.net.ssl.trustStoreType", "pkcs12");
        assertNotNull(TrustStoreCache.Settings.current());
        System.clearProperty("javax.net.ssl.trustStoreType");
        assertNotNull(TrustStoreCache.Settings.current(), "PKCS12 is the default type");
        System.setProperty("javax.net.ssl.trustStoreType", "JKS");
        assertNull(TrustStoreCache.Settings.current());
        trust(store, "changeit");
        System.setProperty("javax.net.ssl.trustStoreProvider", "SUN");
        assertNull(TrustStoreCache.Settings.current());
        System.clearProperty("javax.net.ssl.trustStoreProvider");
        System.setProperty("javax.net.ssl.trustStorePassword", "");
        assertNull(TrustStoreCache.Settings.current());
        trust(Path.of("NONE"), "changeit");
        assertNull(TrustStoreCache.Settings.current());

        System.clearProperty("javax.net.ssl.trustStore");
        assertNull(new TrustStoreCache(cacheDir()).trustManager());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void should_trust_what_the_jvm_trusts_then_read_it_from_an_owner_only_cache_file() throws Exception {
        Path store = store("store.p12", first);
        trust(store, "changeit");
        X509TrustManager loaded = new TrustStoreCache(cacheDir()).trustManager();
        assertNotNull(loaded);
        assertEquals(jvmTrusts(), trusted(loaded));
        assertEquals(Set.of(certificateOf(store)), trusted(loaded));

        List<Path> files = cacheFiles();
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().matches("truststore-[0-9a-f]{64}\\.der"), files.toString());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.get(0))));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cacheDir())));
        assertArrayEquals(certificateOf(store).getEncoded(), Files.readAllBytes(files.get(0)));

        // The next run reads the cache file, not the store: what the file holds is what is trusted.
        X509Certificate other = certificateOf(second.keyStore());
        Files.write(files.get(0), other.getEncoded());
        assertEquals(Set.of(other), trusted(new TrustStoreCache(cacheDir()).trustManager()));
    }

    @Test
    void should_read_the_store_again_when_its_bytes_password_or_type_name_change() throws Exception {
        Path store = store("store.p12", first);
        trust(store, "changeit");
        String key = TrustStoreCache.key(TrustStoreCache.Settings.current(), Files.readAllBytes(store));
        assertEquals(key, TrustStoreCache.key(TrustStoreCache.Settings.current(), Files.readAllBytes(store)));

        byte[] changed = Files.readAllBytes(store);
        changed[changed.length - 1] ^= 1;
        assertNotEquals(key, TrustStoreCache.key(TrustStoreCache.Settings.current(), changed));
        System.setProperty("javax.net.ssl.trustStorePassword", "changeit2");
        assertNotEquals(key, TrustStoreCache.key(TrustStoreCache.Settings.current(), Files.readAllBytes(store)));

        // The same path now holds another store: it is read, and trusted as the JVM trusts it.
        trust(store, "changeit");
        assertNotNull(new TrustStoreCache(cacheDir()).trustManager());
        Files.copy(second.keyStore(), store, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        X509TrustManager replaced = new TrustStoreCache(cacheDir()).trustManager();
        assertEquals(Set.of(certificateOf(second.keyStore())), trusted(replaced));
        assertEquals(2, cacheFiles().size());
    }

    @Test
    void should_not_cache_a_store_that_does_not_load() throws Exception {
        trust(store("store.p12", first), "wrong");
        assertNull(new TrustStoreCache(cacheDir()).trustManager(), "the JVM then fails with its own error");
        trust(dir.resolve("missing.p12"), "changeit");
        assertNull(new TrustStoreCache(cacheDir()).trustManager(), "the JVM then falls back to its own CA certificates");
        Path broken = Files.writeString(dir.resolve("broken.p12"), "not a key store");
        trust(broken, "changeit");
        assertNull(new TrustStoreCache(cacheDir()).trustManager());
        assertEquals(List.of(), cacheFiles());
    }

    @Test
    void should_ignore_a_cache_file_others_may_write_a_link_or_a_broken_file_and_write_it_afresh() throws Exception {
        Path store = store("store.p12", first);
        trust(store, "changeit");
        new TrustStoreCache(cacheDir()).trustManager();
        Path file = cacheFiles().get(0);
        byte[] good = Files.readAllBytes(file);
        X509Certificate other = certificateOf(second.keyStore());
        Set<X509Certificate> expected = Set.of(certificateOf(store));

        Files.write(file, other.getEncoded());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertEquals(expected, trusted(new TrustStoreCache(cacheDir()).trustManager()));
        assertArrayEquals(good, Files.readAllBytes(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.write(file, "not a certificate".getBytes());
        assertEquals(expected, trusted(new TrustStoreCache(cacheDir()).trustManager()));
        assertArrayEquals(good, Files.readAllBytes(file));

        Path elsewhere = Files.write(dir.resolve("elsewhere.der"), other.getEncoded());
        Files.delete(file);
        Files.createSymbolicLink(file, elsewhere);
        assertEquals(expected, trusted(new TrustStoreCache(cacheDir()).trustManager()));
        assertFalse(Files.isSymbolicLink(file), "the link is replaced, not followed");
        assertArrayEquals(good, Files.readAllBytes(file));
        assertArrayEquals(other.getEncoded(), Files.readAllBytes(elsewhere));

        Files.delete(file);
        Files.write(file, other.getEncoded());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwxrwxrwx"));
        assertEquals(expected, trusted(new TrustStoreCache(cacheDir()).trustManager()), "a directory others may write");
        assertArrayEquals(other.getEncoded(), Files.readAllBytes(file), "and nothing is written there");
    }

    @Test
    void should_keep_the_most_recently_written_cache_files() throws Exception {
        Files.createDirectories(cacheDir());
        Files.setPosixFilePermissions(cacheDir(), PosixFilePermissions.fromString("rwx------"));
        long now = System.currentTimeMillis();
        for (int i = 0; i < TrustStoreCache.KEPT + 2; i++) {
            Path old = Files.write(cacheDir().resolve("truststore-old" + i + ".der"), new byte[0]);
            Files.setLastModifiedTime(old, FileTime.fromMillis(now - 1000_000L * (i + 1)));
        }
        Path unrelated = Files.write(cacheDir().resolve("other-file"), new byte[0]);
        trust(store("store.p12", first), "changeit");
        new TrustStoreCache(cacheDir()).trustManager();

        Set<String> left = new HashSet<>();
        for (Path file : cacheFiles()) {
            left.add(file.getFileName().toString());
        }
        assertEquals(TrustStoreCache.KEPT + 1, left.size(), left.toString()); // with the unrelated file
        assertTrue(Files.exists(unrelated));
        for (int i = 0; i < TrustStoreCache.KEPT - 1; i++) {
            assertTrue(left.contains("truststore-old" + i + ".der"), "newer ones are kept: " + left);
        }
        assertFalse(left.contains("truststore-old" + (TrustStoreCache.KEPT + 1) + ".der"));
        assertEquals(1, Arrays.stream(left.toArray(new String[0])).filter(n -> n.matches("truststore-[0-9a-f]{64}\\.der")).count());
    }
}
