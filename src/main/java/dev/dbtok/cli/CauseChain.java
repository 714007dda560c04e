package dev.dbtok.cli;

/**
 * The type of an exception and its causes (with their messages) with their stack frames, written for the debug log
 * (never to a stream directly). Frames a cause shares with the exception it caused are folded into
 * {@code ... N more}, as the JVM does.
 */
final class CauseChain {
    private CauseChain() {
    }

    static String of(Throwable failure) {
        StringBuilder b = new StringBuilder();
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == failure) {
                // Its message is the error line (and the failed execution line) already.
                b.append(t.getClass().getName());
            } else {
                b.append("\nCaused by: ").append(t);
            }
            StackTraceElement[] frames = t.getStackTrace();
            int shared = sharedTail(frames, enclosing);
            for (int i = 0; i < frames.length - shared; i++) {
                b.append("\n\tat ").append(frames[i]);
            }
            if (shared > 0) {
                b.append("\n\t... ").append(shared).append(" more");
            }
            enclosing = frames;
        }
        return b.toString();
    }

    private static int sharedTail(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int i = frames.length - 1;
        int j = enclosing.length - 1;
        int shared = 0;
        while (i >= 0 && j >= 0 && frames[i].equals(enclosing[j])) {
            shared++;
            i--;
            j--;
        }
        return shared;
    }
}
