package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ParallelismTest {
  private static final Duration DEADLOCK_GUARD = Duration.ofSeconds(20);
  private final int defaultThreads = Parallelism.threads();

  @AfterEach
  void restoreThreads() {
    Parallelism.setThreads(defaultThreads);
  }

  @Test
  void setThreadsIsReadBackAndZeroIsRejected() {
    // (The default, availableProcessors, is not asserted: other test classes in this JVM may
    // have changed it.)
    Parallelism.setThreads(3);
    assertEquals(3, Parallelism.threads());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Parallelism.setThreads(0));
    assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
  }

  @Test
  void everyTaskRunsExactlyOnce() {
    for (int threads = 1; threads <= 3; threads++) {
      Parallelism.setThreads(threads);
      for (int tasks : new int[] {0, 1, 2, 5, 1000}) {
        AtomicIntegerArray runs = new AtomicIntegerArray(Math.max(tasks, 1));
        for (int repeat = 0; repeat < 20; repeat++) {
          Parallelism.parallelFor(tasks, runs::incrementAndGet);
        }
        for (int t = 0; t < tasks; t++) {
          assertEquals(20, runs.get(t),
              "task " + t + " of " + tasks + " on " + threads + " threads");
        }
      }
    }
  }

  @Test
  void parallelRangeCoversEveryIndexOnce() {
    for (int threads = 1; threads <= 3; threads++) {
      Parallelism.setThreads(threads);
      for (int n : new int[] {0, 1, 7, 100, 1001}) {
        for (int minChunk : new int[] {1, 10, 5000}) {
          AtomicIntegerArray hits = new AtomicIntegerArray(Math.max(n, 1));
          Parallelism.parallelRange(n, minChunk, (from, to) -> {
            assertTrue(from < to, "empty chunk " + from + ".." + to);
            for (int i = from; i < to; i++) {
              hits.incrementAndGet(i);
            }
          });
          for (int i = 0; i < n; i++) {
            assertEquals(1, hits.get(i), "index " + i + " of " + n + ", minChunk " + minChunk);
          }
        }
      }
    }
  }

  @Test
  void tasksRunOnSeveralThreadsAtOnce() throws Exception {
    Parallelism.setThreads(2);
    CountDownLatch bothStarted = new CountDownLatch(2);
    Set<String> names = ConcurrentHashMap.newKeySet();
    AtomicInteger met = new AtomicInteger();
    assertTimeoutPreemptively(DEADLOCK_GUARD, () -> Parallelism.parallelFor(2, t -> {
      names.add(Thread.currentThread().getName());
      bothStarted.countDown();
      try {
        if (bothStarted.await(10, TimeUnit.SECONDS)) {
          met.incrementAndGet();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }));
    assertEquals(2, met.get(), "the two tasks did not run at the same time");
    assertEquals(2, names.size());
  }

  @Test
  void nestedCallsRunInlineWithoutDeadlock() {
    Parallelism.setThreads(2);
    AtomicInteger inner = new AtomicInteger();
    assertTimeoutPreemptively(DEADLOCK_GUARD, () -> Parallelism.parallelFor(8,
        t -> Parallelism.parallelFor(10, u -> inner.incrementAndGet())));
    assertEquals(80, inner.get());
  }

  @Test
  void callsFromTwoOutsideThreadsBothComplete() throws Exception {
    Parallelism.setThreads(2);
    AtomicInteger total = new AtomicInteger();
    Runnable work = () -> {
      for (int i = 0; i < 200; i++) {
        Parallelism.parallelFor(7, t -> total.incrementAndGet());
      }
    };
    assertTimeoutPreemptively(DEADLOCK_GUARD, () -> {
      Thread other = new Thread(work);
      other.start();
      work.run();
      other.join();
    });
    assertEquals(2 * 200 * 7, total.get());
  }

  @Test
  void aFailingTaskIsRethrownAndThePoolStaysUsable() {
    Parallelism.setThreads(2);
    IllegalStateException boom = new IllegalStateException("task 3 failed");
    IllegalStateException thrown = assertThrows(IllegalStateException.class,
        () -> Parallelism.parallelFor(10, t -> {
          if (t == 3) {
            throw boom;
          }
        }));
    assertSame(boom, thrown);
    AtomicInteger runs = new AtomicInteger();
    Parallelism.parallelFor(10, t -> runs.incrementAndGet());
    assertEquals(10, runs.get());
  }
}
