package dev.dbtok.http;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.internal.platform.Platform;

/**
 * Start-up work that the first request needs and nothing before it does, begun on a background daemon thread as soon
 * as dbtok knows a command will send a request, so that it runs while the main thread parses the command line and
 * resolves the configuration: with 2 cores or more, the main thread leaves one free for it. On a machine whose cores
 * are all busy it gains nothing and costs nothing more than the work itself, which the request would do anyway.
 *
 * <p>Measured on 2 cores, JDK 17, C1 only, with dbtok's class-data archive, on the main thread before this class:
 * <ul>
 *   <li>OkHttp's platform detection, {@code Platform.get()}, which every call makes: ~20 ms. It asks
 *       {@code Security.getProviders()} whether Conscrypt, BouncyCastle or OpenJSSE comes first, and that instantiates
 *       every JCA provider of the JVM (SunEC builds all its curves, SunJCE, XMLDSig, SunPKCS11, ...), also for plain
 *       http. OkHttp 4.12 has no property or API to skip it: its companion object runs the detection in its static
 *       initialiser, so it can only run earlier, not less.</li>
 *   <li>Parsing the first URL (Kotlin's collections and text classes, OkHttp's {@code Util}, which reads the JDK's time
 *       zone database, and {@code java.net.IDN}, which reads its Unicode tables) and OkHttp's client builder (its
 *       connection pool starts {@code java.util.logging}): ~35 ms.</li>
 *   <li>For https, the JVM's default TLS set-up: ~100 ms. Reading the trust store (a PKCS12 file with a password runs
 *       two 10 000-round password derivations, which {@link TrustStoreCache} spares later runs), then
 *       {@code SSLContext}'s tables of cipher suites and groups.</li>
 * </ul>
 *
 * <p>Why this is safe:
 * <ul>
 *   <li>Apart from the TLS set-up it only initialises classes the request initialises anyway; the JVM makes that safe
 *       across threads (a thread that needs a class another is initialising waits for it). These static initialisers
 *       only read the JDK's own files and settings; if one ever failed here, the main thread would meet a
 *       {@code NoClassDefFoundError} for that class where it now meets the initialiser's own error.</li>
 *   <li>The TLS set-up is made by the calls OkHttp makes itself when it is given no socket factory
 *       ({@code OkHttpClient}'s constructor: {@code Platform.get().platformTrustManager()}, then
 *       {@code newSslSocketFactory}; the trust manager may come from {@link TrustStoreCache}, made by the same
 *       factory from the same certificates), so the same trust store, {@code javax.net.ssl.*} properties (also from
 *       {@code JAVA_TOOL_OPTIONS}) and provider choice decide what is trusted; certificates and host names are checked
 *       by the same code. It does not depend on the host, so a set-up begun for a guessed host is right for any.</li>
 *   <li>When the set-up fails (say a trust store with another password), the failure is dropped and the client builds
 *       its TLS itself, as without this class: the JDK fails again with the same exception, hence the same
 *       {@code Error:} line. Likewise when the set-up was never started.</li>
 *   <li>The threads are daemons: they never keep the JVM alive, and a run that ends early leaves them behind.</li>
 * </ul>
 *
 * <p>No lambdas: on this path they would generate classes at run time, which the class-data archive cannot hold.
 */
public final class HttpWarmUp {
    private static boolean started;
    private static FutureTask<PreparedTls> tls;

    private HttpWarmUp() {
    }

    /** The JVM's default TLS set-up, as OkHttp would build it. */
    record PreparedTls(SSLSocketFactory socketFactory, X509TrustManager trustManager) {
    }

    /**
     * Begins, once per JVM, the warm-up for a run that will send a request: OkHttp's classes and, when {@code https},
     * first the default TLS set-up, on one thread (with the main thread, that keeps 2 cores busy). {@code env} locates
     * the trust store cache ({@link TrustStoreCache#directory}).
     */
    public static synchronized void start(boolean https, Map<String, String> env) {
        if (started) {
            return;
        }
        started = true;
        FutureTask<PreparedTls> tlsFirst = null;
        if (https && tls == null) {
            tlsFirst = new FutureTask<>(new TlsSetUp(env));
            tls = tlsFirst;
        }
        daemon(new ClassWarmUp(tlsFirst == null ? null : new TlsWarmUp(tlsFirst)), "dbtok-http-warm-up");
    }

    /**
     * Begins, once per JVM, the default TLS set-up for {@code host} when it is an {@code https://} URL (as normalised
     * by the config, with its scheme) and it was not begun yet; does nothing for any other host.
     */
    public static synchronized void startTlsFor(String host, Map<String, String> env) {
        if (tls == null && host != null && host.regionMatches(true, 0, "https://", 0, "https://".length())) {
            FutureTask<PreparedTls> task = new FutureTask<>(new TlsSetUp(env));
            tls = task;
            daemon(new TlsWarmUp(task), "dbtok-tls-warm-up");
        }
    }

    /**
     * The TLS set-up begun by {@link #start} or {@link #startTlsFor}, waiting for it to finish; {@code null} when it was
     * not begun or failed: the caller then lets OkHttp build it, which fails again with the same exception.
     */
    static PreparedTls preparedTls() {
        FutureTask<PreparedTls> task;
        synchronized (HttpWarmUp.class) {
            task = tls;
        }
        if (task == null) {
            return null;
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return task.get();
                } catch (InterruptedException e) {
                    // Waiting is part of building the client, which cannot be interrupted either; keep the flag.
                    interrupted = true;
                }
            }
        } catch (ExecutionException e) {
            return null;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether the warm-up of OkHttp's classes was begun in this JVM (for the tests). */
    public static synchronized boolean started() {
        return started;
    }

    /** Whether the TLS set-up was begun in this JVM (for the tests). */
    public static synchronized boolean tlsStarted() {
        return tls != null;
    }

    /** Forgets what was begun, so that a test starts as a fresh run does. Threads already running finish on their own. */
    public static synchronized void resetForTests() {
        started = false;
        tls = null;
    }

    private static void daemon(Runnable work, String name) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * OkHttp's default TLS set-up: the trust manager and socket factory its client builds when given none. The trust
     * manager comes from the {@link TrustStoreCache} when it serves the JVM's trust store settings, with the same
     * certificates; else, and whenever the cache cannot, from the JVM itself.
     */
    private static final class TlsSetUp implements Callable<PreparedTls> {
        private final Path cacheDir;

        TlsSetUp(Map<String, String> env) {
            this.cacheDir = TrustStoreCache.directory(env);
        }

        @Override
        public PreparedTls call() {
            Platform platform = Platform.get();
            X509TrustManager trustManager = cacheDir == null ? null : new TrustStoreCache(cacheDir).trustManager();
            if (trustManager == null) {
                trustManager = platform.platformTrustManager();
            }
            return new PreparedTls(platform.newSslSocketFactory(trustManager), trustManager);
        }
    }

    /**
     * Runs the TLS set-up, then, once the caller can have it, initialises the JDK's TLS socket classes by making one
     * socket that never connects: their static tables (the signature schemes with a {@code Signature} instance each,
     * the named groups) are ~5% of an https run, which the request's first socket otherwise builds on the main thread.
     */
    private static final class TlsWarmUp implements Runnable {
        private final FutureTask<PreparedTls> setUp;

        TlsWarmUp(FutureTask<PreparedTls> setUp) {
            this.setUp = setUp;
        }

        @Override
        public void run() {
            setUp.run(); // keeps its own failure
            try {
                setUp.get().socketFactory().createSocket().close();
            } catch (Exception | LinkageError e) {
                // A failed set-up is reported by OkHttp's own; a class that fails here fails again on the main thread.
            }
        }
    }

    /**
     * Runs the TLS set-up given, if any, then initialises the classes of OkHttp's first call (each result is thrown
     * away). A failure here is only a lost head start: the main thread meets it again where it is reported.
     */
    private static final class ClassWarmUp implements Runnable {
        private final Runnable tlsFirst;

        ClassWarmUp(Runnable tlsFirst) {
            this.tlsFirst = tlsFirst;
        }

        @Override
        public void run() {
            if (tlsFirst != null) {
                tlsFirst.run(); // a FutureTask: it keeps its own failure
            }
            try {
                Platform.get();
                HttpUrl.get("https://localhost/");
                new OkHttpClient.Builder();
            } catch (RuntimeException | LinkageError e) {
                // dropped, see above
            }
        }
    }
}
