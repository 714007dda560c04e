package dev.dbtok.cli.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.dbtok.emulator.Emulator;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Checks that an emulator run left nothing behind: no thread, no open port, no running process. */
final class Leftovers {
    private Leftovers() {
    }

    /** Waits briefly for the emulator's threads to end (workers stop asynchronously), then fails if any is alive. */
    static void assertNoEmulatorThreads() {
        awaitTrue(() -> emulatorThreads().isEmpty(), 3000);
        assertEquals(List.of(), emulatorThreads());
    }

    private static List<String> emulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(Emulator.THREAD_PREFIX) || name.equals("HTTP-Dispatcher"))
                .toList();
    }

    /** Nothing listens on the host's port any more. */
    static void assertPortClosed(String host) {
        URI uri = URI.create(host);
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), 1000);
            }
        }, "something still listens on " + host);
    }

    /** The process is gone (an exited orphan that nobody reaps counts as gone). */
    static boolean running(long pid) {
        return ProcessHandle.of(pid).map(ProcessTree::running).orElse(false);
    }

    static void awaitTrue(BooleanSupplier condition, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean() && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Waits for a file a child process writes, and returns its content once it ends with a newline. */
    static String awaitFile(Path file, long millis) {
        awaitTrue(() -> {
            try {
                return Files.exists(file) && Files.readString(file).endsWith("\n");
            } catch (IOException e) {
                return false;
            }
        }, millis);
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new AssertionError("the child never wrote " + file, e);
        }
    }
}
