package dev.dbtok.cli.emulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stops processes and everything they started: SIGTERM to all of them, a grace period, then SIGKILL to any survivor.
 * Descendants are listed before anything is stopped, since once a parent is gone its children are no longer its
 * descendants.
 */
final class ProcessTree {
    private static final long POLL_MILLIS = 20;

    private ProcessTree() {
    }

    /** Stops every running process of {@code roots} and all their descendants. */
    static void destroy(Collection<ProcessHandle> roots, Duration grace) {
        List<ProcessHandle> tree = runningTrees(roots);
        if (tree.isEmpty()) {
            return;
        }
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
        runningTrees(tree).forEach(ProcessHandle::destroyForcibly);
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

    /**
     * The running processes whose environment holds {@code name=value}: a cookie set in a child's environment finds
     * everything it started, even processes whose parent has died (they are nobody's descendants any more). Linux
     * only, through {@code /proc/<pid>/environ}; elsewhere, and for other users' processes, nothing is found.
     */
    static List<ProcessHandle> marked(String name, String value) {
        if (!Files.isDirectory(Path.of("/proc/self"))) {
            return List.of();
        }
        byte[] entry = (name + "=" + value).getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.pid() != self && hasEntry(handle.pid(), entry) && running(handle))
                .toList();
    }

    /** Whether the NUL-separated environment of {@code pid} has exactly {@code entry} as one of its entries. */
    private static boolean hasEntry(long pid, byte[] entry) {
        byte[] environ;
        try {
            environ = Files.readAllBytes(Path.of("/proc", String.valueOf(pid), "environ"));
        } catch (IOException | RuntimeException e) {
            return false; // Gone, or not ours to read.
        }
        for (int start = 0; start + entry.length <= environ.length; ) {
            int end = start;
            while (end < environ.length && environ[end] != 0) {
                end++;
            }
            if (end - start == entry.length && Arrays.equals(environ, start, end, entry, 0, entry.length)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

    /** The running processes among {@code roots} and their descendants, each once, parents first. */
    private static List<ProcessHandle> runningTrees(Collection<ProcessHandle> roots) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (ProcessHandle root : roots) {
            tree.add(root);
            root.descendants().forEach(tree::add);
        }
        List<ProcessHandle> running = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (running(handle)) {
                running.add(handle);
            }
        }
        return running;
    }
}
