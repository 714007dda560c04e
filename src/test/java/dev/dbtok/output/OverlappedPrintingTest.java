package dev.dbtok.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The printer on the second thread must see what it would see iterating the items itself. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
@Timeout(30)
class OverlappedPrintingTest {
    @Test
    void should_hand_over_every_item_in_order() {
        List<Integer> items = IntStream.range(0, 10_000).boxed().toList();
        List<Integer> seen = new ArrayList<>();

        OverlappedPrinting.print(items, printed -> printed.forEach(seen::add));

        assertEquals(items, seen);
    }

    @Test
    void should_hand_over_an_empty_listing_and_a_null_item() {
        List<Integer> seen = new ArrayList<>();
        OverlappedPrinting.print(List.<Integer>of(), printed -> printed.forEach(seen::add));
        assertEquals(List.of(), seen);

        List<String> withNull = new ArrayList<>();
        withNull.add(null);
        withNull.add("a");
        List<String> seenStrings = new ArrayList<>();
        OverlappedPrinting.print(withNull, printed -> printed.forEach(seenStrings::add));
        assertEquals(withNull, seenStrings);
    }

    @Test
    void should_give_the_printer_the_items_before_a_failure_then_the_failure_itself() {
        IllegalStateException broken = new IllegalStateException("token_infos[700]");
        List<Integer> seen = new ArrayList<>();

        RuntimeException thrown = assertThrows(RuntimeException.class,
                () -> OverlappedPrinting.print(failingAfter(700, broken), printed -> {
                    try {
                        printed.forEach(seen::add);
                    } catch (IllegalStateException e) {
                        seen.add(-1);
                        throw e;
                    }
                }));

        assertSame(broken, thrown);
        assertEquals(701, seen.size());
        assertEquals(699, seen.get(699));
        assertEquals(-1, seen.get(700));
    }

    @Test
    void should_end_as_the_printer_ends() {
        IllegalStateException broken = new IllegalStateException("broken");

        // A printer that handles the failure itself succeeds, as it would on one thread.
        OverlappedPrinting.print(failingAfter(3, broken), printed -> {
            try {
                printed.forEach(item -> { });
            } catch (IllegalStateException e) {
                // handled
            }
        });

        UncheckedIOException own = new UncheckedIOException(new java.io.IOException("disk full"));
        assertSame(own, assertThrows(UncheckedIOException.class,
                () -> OverlappedPrinting.print(List.of(1, 2, 3), printed -> {
                    throw own;
                })));
    }

    @Test
    void should_stop_decoding_once_the_printer_has_stopped() {
        AtomicInteger pulled = new AtomicInteger();
        Iterable<Integer> endless = () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return pulled.incrementAndGet();
            }
        };

        OverlappedPrinting.print(endless, printed -> {
            Iterator<Integer> it = printed.iterator();
            for (int i = 0; i < 10; i++) {
                it.next();
            }
        });

        assertTrue(pulled.get() <= 10 + OverlappedPrinting.AHEAD + 512, "pulled " + pulled.get());
    }

    @Test
    void should_refuse_a_second_iteration() {
        assertThrows(IllegalStateException.class, () -> OverlappedPrinting.print(List.of(1), printed -> {
            printed.iterator();
            printed.iterator();
        }));
    }

    private static Iterable<Integer> failingAfter(int n, RuntimeException failure) {
        return () -> new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                if (next == n) {
                    throw failure;
                }
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
    }
}
