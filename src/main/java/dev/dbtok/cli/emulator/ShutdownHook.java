package dev.dbtok.cli.emulator;

/**
 * Runs a clean-up action when the JVM is stopped (SIGINT, SIGTERM, {@code System.exit}) while a command is still
 * running; {@link #close()} removes the hook once the command has cleaned up by itself.
 */
final class ShutdownHook implements AutoCloseable {
    private final Thread thread;

    private ShutdownHook(Thread thread) {
        this.thread = thread;
    }

    static ShutdownHook install(Runnable action) {
        Thread thread = new Thread(action, "dbtok-emulator-shutdown");
        Runtime.getRuntime().addShutdownHook(thread);
        return new ShutdownHook(thread);
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(thread);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, so the hook is running (or has run): nothing to remove.
        }
    }
}
