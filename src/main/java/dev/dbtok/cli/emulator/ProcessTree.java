package dev.dbtok.cli.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Stops a child process and everything it started: SIGTERM to all of them, a grace period, then SIGKILL to any
 * survivor. The descendants are listed before the child is stopped, since once it is gone they are no longer its
 * descendants.
 */
final class ProcessTree {
    private ProcessTree() {
    }

    static void destroy(Process process, Duration grace) {
        List<ProcessHandle> tree = tree(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle handle : tree) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                handle.onExit().get(left, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Exception e) {
                // Still running after the grace period, or cannot be waited for: killed below.
            }
        }
        // Survivors may have started more processes in the meantime: list again, then kill.
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (handle.isAlive()) {
                survivors.addAll(tree(handle));
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
    }

    /** {@code root} and all its descendants, root first. */
    private static List<ProcessHandle> tree(ProcessHandle root) {
        List<ProcessHandle> tree = new ArrayList<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        return tree;
    }
}
