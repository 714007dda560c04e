package dev.dbtok.output;

import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Prints a long listing on a second thread while the calling thread decodes it, so that the work uses two cores: for
 * 100 000 tokens, printing takes about half as long as decoding, and is then mostly hidden behind it.
 *
 * <p>The printer sees what it would see iterating the items itself: the same items in the same order, and a failure
 * of the iteration (a body that breaks off, a token that does not decode) as the same exception at the same point.
 * The outcome is the printer's: what it returns or throws is what {@link #print} returns or throws, and once it
 * stops, nothing more is decoded for it. The calling thread decodes at most {@value #AHEAD} items ahead of it.
 */
public final class OverlappedPrinting {
    private static final int BATCH = 256;
    private static final int BATCHES = 16;
    static final int AHEAD = BATCH * BATCHES;
    private static final Object END = new Object();
    private static final long WAIT_MILLIS = 20;

    private OverlappedPrinting() {
    }

    /** A failure of the iteration, handed over in its place. */
    private record Failure(Throwable cause) {
    }

    /**
     * Iterates {@code items} on this thread and runs {@code printer} on a second one, over a view of them that can be
     * iterated once; returns when the printer has.
     */
    public static <T> void print(Iterable<? extends T> items, Consumer<Iterable<T>> printer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(BATCHES);
        Outcome outcome = new Outcome();
        Thread thread = new Thread(() -> {
            try {
                printer.accept(new Handed<>(queue));
            } catch (Throwable e) {
                outcome.failure = e;
            } finally {
                outcome.done = true;
            }
        }, "dbtok-print");
        // Never keeps the JVM alive: a printer blocked on stdout ends with the process, as it would on the main thread.
        thread.setDaemon(true);
        thread.start();
        feed(items, queue, outcome);
        join(thread);
        Throwable failure = outcome.failure;
        if (failure instanceof RuntimeException e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
    }

    private static final class Outcome {
        volatile boolean done;
        volatile Throwable failure;
    }

    /** Hands the items over in batches, then the end or the failure that ended them. */
    private static <T> void feed(Iterable<? extends T> items, BlockingQueue<Object> queue, Outcome outcome) {
        Object[] batch = new Object[BATCH];
        int n = 0;
        try {
            Iterator<? extends T> it = items.iterator();
            while (it.hasNext()) {
                batch[n++] = it.next();
                if (n == BATCH) {
                    if (!send(queue, batch, outcome)) {
                        return;
                    }
                    batch = new Object[BATCH];
                    n = 0;
                }
            }
        } catch (Throwable e) {
            if (n > 0 && !send(queue, Arrays.copyOf(batch, n), outcome)) {
                return;
            }
            send(queue, new Failure(e), outcome);
            return;
        }
        if (n > 0 && !send(queue, Arrays.copyOf(batch, n), outcome)) {
            return;
        }
        send(queue, END, outcome);
    }

    /** Queues {@code o} for the printer; false when the printer has stopped and wants nothing more. */
    private static boolean send(BlockingQueue<Object> queue, Object o, Outcome outcome) {
        try {
            while (!outcome.done) {
                if (queue.offer(o, WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void join(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the printer iterates, once. */
    private static final class Handed<T> implements Iterable<T> {
        private final BlockingQueue<Object> queue;
        private boolean iterated;

        Handed(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public Iterator<T> iterator() {
            if (iterated) {
                throw new IllegalStateException("the items can be iterated once");
            }
            iterated = true;
            return new Received<>(queue);
        }
    }

    /** The printer's side: the items as they arrive, then the end, or the failure rethrown. */
    private static final class Received<T> implements Iterator<T> {
        private final BlockingQueue<Object> queue;
        private Object[] batch;
        private int index;
        private boolean ended;
        private Failure failure;

        Received(BlockingQueue<Object> queue) {
            this.queue = queue;
        }

        @Override
        public boolean hasNext() {
            while (!ended && failure == null && (batch == null || index == batch.length)) {
                Object o = take();
                if (o == END) {
                    ended = true;
                } else if (o instanceof Failure f) {
                    failure = f;
                } else {
                    batch = (Object[]) o;
                    index = 0;
                }
            }
            if (failure != null) {
                rethrow(failure.cause());
            }
            return !ended;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            T item = (T) batch[index];
            batch[index++] = null;
            return item;
        }

        private Object take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the listing", e);
            }
        }

        private static void rethrow(Throwable e) {
            if (e instanceof RuntimeException r) {
                throw r;
            }
            if (e instanceof Error r) {
                throw r;
            }
            throw new IllegalStateException(e);
        }
    }
}
