package dev.dbtok.cli.emulator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops a child process and everything it started: SIGTERM to all of them, a grace period, then SIGKILL to any
 * survivor. The descendants are listed before the child is stopped, since once it is gone they are no longer its
 * descendants.
 */
final class ProcessTree {
    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    static void destroy(Process process, Duration grace) {
        List<ProcessHandle> tree = tree(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (tree.stream().anyMatch(ProcessTree::running) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        // Survivors may have started more processes in the meantime: list again, then kill.
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (running(handle)) {
                survivors.addAll(tree(handle));
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
    }

    /**
     * Alive and not a zombie. An orphan that has exited stays a zombie until init reaps it, which never happens in
     * containers whose PID 1 does not reap; Java still reports such a process as alive.
     */
    static boolean running(ProcessHandle handle) {
        return handle.isAlive() && !zombie(handle.pid());
    }

    private static boolean zombie(long pid) {
        Path stat = Path.of("/proc", String.valueOf(pid), "stat");
        try {
            String text = Files.readString(stat);
            // The state follows the command name, which is in parentheses and may itself contain ") ".
            int end = text.lastIndexOf(')');
            return end > 0 && end + 2 < text.length() && text.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException e) {
            return false; // No /proc (not Linux), or the process is gone: trust isAlive().
        }
    }

    /** {@code root} and all its descendants, root first. */
    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }
}
