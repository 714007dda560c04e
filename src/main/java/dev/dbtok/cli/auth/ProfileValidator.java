package dev.dbtok.cli.auth;

import dev.dbtok.config.ResolvedConfig;
import dev.dbtok.http.DatabricksClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Checks that profiles' credentials work, all at once: one cheap authenticated call per profile (who am I,
 * {@code GET /api/2.0/preview/scim/v2/Me}), with short HTTP timeouts and an overall deadline, so that one
 * unreachable workspace cannot hold up the listing. A call that fails or misses the deadline means "not valid".
 */
final class ProfileValidator {
    /** As in the official CLI: a dead host costs at most this, not the usual retry budget of minutes. */
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final Function<ResolvedConfig, DatabricksClient> clients;
    private final Duration timeout;

    ProfileValidator(Function<ResolvedConfig, DatabricksClient> clients, Duration timeout) {
        this.clients = clients;
        this.timeout = timeout;
    }

    /** One answer per configuration, in order. */
    List<Boolean> validate(List<ResolvedConfig> configs) {
        if (configs.isEmpty()) {
            return List.of();
        }
        int seconds = (int) Math.max(1, timeout.toSeconds());
        // One thread per profile: a slow workspace must not delay the check of the next one.
        ExecutorService pool = Executors.newFixedThreadPool(configs.size(), runnable -> {
            Thread thread = new Thread(runnable, "dbtok-validate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Boolean>> checks = new ArrayList<>();
            for (ResolvedConfig config : configs) {
                ResolvedConfig quick = config.withTimeouts(seconds, seconds);
                checks.add(pool.submit(() -> check(quick)));
            }
            // Connect and read timeouts bound each step; the deadline bounds the whole call.
            long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
            List<Boolean> answers = new ArrayList<>();
            for (Future<Boolean> check : checks) {
                answers.add(await(check, deadline));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean check(ResolvedConfig config) {
        try {
            clients.apply(config).currentUser();
            return true;
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static boolean await(Future<Boolean> check, long deadline) {
        try {
            return check.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            check.cancel(true);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
