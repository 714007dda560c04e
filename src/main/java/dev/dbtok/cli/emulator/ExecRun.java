package dev.dbtok.cli.emulator;

import dev.dbtok.cli.CliException;
import dev.dbtok.text.GoQuote;
import dev.dbtok.cli.Session;
import dev.dbtok.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code dbtok emulator exec -- COMMAND [ARGS...]}: a fresh emulator on a free port, COMMAND run against it with
 * inherited stdin, stdout and stderr, and COMMAND's exit code passed through. Whatever happens (COMMAND fails, dbtok
 * is interrupted or stopped by a signal), COMMAND's process tree is stopped, the emulator is closed and the config
 * file is deleted.
 */
final class ExecRun {
    /** How long COMMAND gets to exit after SIGTERM before it is killed. */
    static final Duration GRACE = Duration.ofSeconds(3);
    /**
     * How often COMMAND's descendants are listed while it runs. A process whose parent dies is no longer anyone's
     * descendant (Ctrl-C kills a shell but not the background jobs it ignores SIGINT in), so the ones seen are
     * remembered, to be stopped too.
     */
    private static final long WATCH_MILLIS = 100;
    /**
     * Set in COMMAND's environment to a value unique to the run, so that on Linux every process COMMAND started can
     * be found by its environment, however quickly its parent died.
     */
    static final String RUN_MARKER = "DBTOK_EMULATOR_RUN";
    /**
     * The {@code DATABRICKS_*} variables COMMAND keeps from dbtok's environment: output, logging and HTTP tuning. Every
     * other one (profile, auth type, client secrets, workspace ID...) could point COMMAND at a real workspace.
     */
    private static final Set<String> KEPT = Set.of(
            "DATABRICKS_OUTPUT_FORMAT", "DATABRICKS_LOG_LEVEL", "DATABRICKS_LOG_FORMAT", "DATABRICKS_LOG_FILE",
            "DATABRICKS_DEBUG_HEADERS", "DATABRICKS_DEBUG_TRUNCATE_BYTES", "DATABRICKS_HTTP_TIMEOUT_SECONDS",
            "DATABRICKS_RETRY_TIMEOUT_SECONDS", "DATABRICKS_RATE_LIMIT");

    private final Session session;
    private final List<String> command;
    private final String seedFile;

    ExecRun(Session session, List<String> command, String seedFile) {
        this.session = session;
        this.command = List.copyOf(command);
        this.seedFile = seedFile;
    }

    int run() {
        String runId = UUID.randomUUID().toString();
        Cleanup cleanup = new Cleanup(EmulatorStarter.start(seedFile, 0, line -> { }), runId);
        boolean interrupted = false;
        // Not try-with-resources: the hook must outlive the clean-up. If dbtok is stopped while this thread cleans
        // up, the hook waits for it (Cleanup is synchronized) and so keeps the JVM from halting half-way.
        ShutdownHook hook = ShutdownHook.install(cleanup::run);
        try {
            Path config = cleanup.config(EmulatorConfigFile.write(cleanup.emulator));
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            environment(builder.environment(), session.services().env(), cleanup.emulator, config);
            builder.environment().put(RUN_MARKER, runId);
            session.out().flush();
            session.err().flush();
            Process child;
            try {
                child = cleanup.start(builder);
            } catch (IOException e) {
                return cannotRun(e);
            }
            while (!child.waitFor(WATCH_MILLIS, TimeUnit.MILLISECONDS)) {
                cleanup.watch(child);
            }
            return child.exitValue();
        } catch (InterruptedException e) {
            interrupted = true;
            throw new CliException("interrupted: stopped " + GoQuote.quote(command.get(0)) + " and the emulator");
        } finally {
            cleanup.run();
            hook.close();
            if (interrupted) {
                // Restored only now, so that COMMAND still got its grace period to exit.
                Thread.currentThread().interrupt();
            }
        }
    }

    /** dbtok's environment, minus anything naming another workspace, plus the emulator's host, token and profiles. */
    static void environment(Map<String, String> env, Map<String, String> dbtokEnv, Emulator emulator, Path config) {
        env.clear();
        env.putAll(dbtokEnv);
        env.keySet().removeIf(name -> name.startsWith("DATABRICKS_") && !KEPT.contains(name));
        env.put("DATABRICKS_HOST", emulator.host());
        env.put("DATABRICKS_TOKEN", emulator.admin().token());
        env.put("DATABRICKS_CONFIG_FILE", config.toString());
    }

    /** Like a shell: 127 when COMMAND is not found, 126 when it cannot be executed. */
    private int cannotRun(IOException e) {
        String reason = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
        reason = reason.replaceFirst("^error=\\d+, ", "");
        session.err().print("Error: cannot run " + GoQuote.quote(command.get(0)) + ": " + reason + "\n");
        session.err().flush();
        return reason.contains("Permission denied") ? 126 : 127;
    }

    /**
     * The clean-up, run exactly once: by the command when it ends, or by the shutdown hook if dbtok is stopped first.
     * It stops COMMAND and every process COMMAND started that is still running, then the emulator, then deletes the
     * config file.
     */
    private static final class Cleanup {
        private final Emulator emulator;
        private final String runId;
        private final Set<ProcessHandle> seen = new LinkedHashSet<>();
        private Path config;
        private Process child;
        private boolean done;

        Cleanup(Emulator emulator, String runId) {
            this.emulator = emulator;
            this.runId = runId;
        }

        synchronized Path config(Path file) {
            config = file;
            if (done) {
                EmulatorConfigFile.delete(file);
            }
            return file;
        }

        /**
         * Starts COMMAND under the lock, so that a shutdown hook running meanwhile waits for it and then stops it,
         * rather than missing a child that did not exist yet.
         */
        synchronized Process start(ProcessBuilder builder) throws IOException {
            if (done) {
                throw new CliException("dbtok is stopping; " + GoQuote.quote(builder.command().get(0)) + " was not run");
            }
            child = builder.start();
            return child;
        }

        /** Remembers COMMAND's current descendants. */
        synchronized void watch(Process process) {
            List<ProcessHandle> descendants = process.descendants().toList();
            seen.addAll(descendants);
            if (done) {
                ProcessTree.destroy(descendants, GRACE);
            }
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            List<ProcessHandle> processes = new ArrayList<>();
            if (child != null) {
                processes.add(child.toHandle());
            }
            processes.addAll(seen);
            processes.addAll(ProcessTree.marked(RUN_MARKER, runId));
            ProcessTree.destroy(processes, GRACE);
            emulator.close();
            if (config != null) {
                EmulatorConfigFile.delete(config);
            }
        }
    }
}
