package dev.dbtok.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A local, stateful stand-in for a Databricks workspace's token, token-management, token-permissions and
 * workspace-conf APIs, and SCIM's {@code Me} (who a token belongs to), served over HTTP on 127.0.0.1 until
 * {@link #close()}.
 *
 * <pre>{@code
 * try (Emulator emulator = Emulator.builder().start()) {
 *     String host = emulator.host();           // http://127.0.0.1:<free port>
 *     String pat = emulator.admin().token();   // authenticates as admin@example.com
 * }
 * }</pre>
 */
public final class Emulator implements AutoCloseable {
    /** Names every thread the emulator starts, so that tests can check none is left behind. */
    public static final String THREAD_PREFIX = "dbtok-emulator-";

    private static final String LOOPBACK = "127.0.0.1";
    private static final int WORKER_THREADS = 4;

    private final HttpServer server;
    private final ExecutorService workers;
    private final List<Credential> credentials;
    private volatile boolean closed;

    private Emulator(HttpServer server, ExecutorService workers, List<Credential> credentials) {
        this.server = server;
        this.workers = workers;
        this.credentials = credentials;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://127.0.0.1:<port>}, the value for {@code DATABRICKS_HOST}. */
    public String host() {
        return "http://" + LOOPBACK + ":" + port();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Every account with its personal access token: the default admin, user and service principal, then the seed's. */
    public List<Credential> credentials() {
        return credentials;
    }

    /** The default workspace admin, {@code admin@example.com}. */
    public Credential admin() {
        return credentials.get(0);
    }

    /** The credential of the account named {@code userName} (an email, or a service principal's application ID). */
    public Credential credential(String userName) {
        return credentials.stream().filter(c -> c.account().userName().equals(userName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account " + userName));
    }

    /** Stops serving at once and frees the port; in-flight requests are cut off. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        workers.shutdownNow();
    }

    /** How to start an emulator; every setting has a default. */
    public static final class Builder {
        private int port;
        private Seed seed = Seed.none();
        private Clock clock = Clock.systemUTC();
        private Consumer<String> accessLog = line -> { };

        private Builder() {
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        public Builder seed(Seed seed) {
            this.seed = Objects.requireNonNull(seed, "seed");
            return this;
        }

        /** The clock that stamps creation times and decides expiry (tests move it forward). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Receives one line per request ({@code POST /api/2.0/token/create -> 200 (admin@example.com)}). */
        public Builder accessLog(Consumer<String> accessLog) {
            this.accessLog = Objects.requireNonNull(accessLog, "accessLog");
            return this;
        }

        /**
         * Seeds the workspace and starts serving.
         *
         * @throws SeedException when the seed does not describe a valid workspace
         * @throws IOException   when the port cannot be bound
         */
        public Emulator start() throws IOException {
            WorkspaceSeeder.Seeded seeded = WorkspaceSeeder.seed(seed, clock,
                    new TokenSecrets(new SecureRandom()));
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(LOOPBACK), port), 0);
            ExecutorService workers = Executors.newFixedThreadPool(WORKER_THREADS, daemonThreads());
            server.setExecutor(workers);
            server.createContext("/", new EmulatorHandler(seeded.workspace(), accessLog));
            server.start();
            return new Emulator(server, workers, seeded.credentials());
        }

        /** Daemon workers: a forgotten emulator must never keep a JVM alive. */
        private static ThreadFactory daemonThreads() {
            AtomicInteger count = new AtomicInteger();
            return runnable -> {
                Thread thread = new Thread(runnable, THREAD_PREFIX + "http-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            };
        }
    }
}
