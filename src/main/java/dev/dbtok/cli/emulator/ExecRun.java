package dev.dbtok.cli.emulator;

import dev.dbtok.cli.CliException;
import dev.dbtok.cli.GoQuote;
import dev.dbtok.cli.Session;
import dev.dbtok.emulator.Emulator;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        Cleanup cleanup = new Cleanup(EmulatorStarter.start(seedFile, 0, line -> { }));
        boolean interrupted = false;
        try (ShutdownHook ignored = ShutdownHook.install(cleanup::run)) {
            Path config = cleanup.config(EmulatorConfigFile.write(cleanup.emulator));
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            environment(builder.environment(), session.services().env(), cleanup.emulator, config);
            session.out().flush();
            session.err().flush();
            Process child;
            try {
                child = cleanup.child(builder.start());
            } catch (IOException e) {
                return cannotRun(e);
            }
            return child.waitFor();
        } catch (InterruptedException e) {
            interrupted = true;
            throw new CliException("interrupted: stopped " + GoQuote.quote(command.get(0)) + " and the emulator");
        } finally {
            cleanup.run();
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

    /** The clean-up, run exactly once: by the command when it ends, or by the shutdown hook if dbtok is stopped first. */
    private static final class Cleanup {
        private final Emulator emulator;
        private Path config;
        private Process child;
        private boolean done;

        Cleanup(Emulator emulator) {
            this.emulator = emulator;
        }

        synchronized Path config(Path file) {
            config = file;
            if (done) {
                EmulatorConfigFile.delete(file);
            }
            return file;
        }

        /** Registers the child; if clean-up already ran (dbtok is stopping), the child is stopped at once. */
        synchronized Process child(Process process) {
            child = process;
            if (done) {
                ProcessTree.destroy(process, GRACE);
            }
            return process;
        }

        synchronized void run() {
            if (done) {
                return;
            }
            done = true;
            if (child != null && child.isAlive()) {
                ProcessTree.destroy(child, GRACE);
            }
            emulator.close();
            if (config != null) {
                EmulatorConfigFile.delete(config);
            }
        }
    }
}
