package io.synthbeam.nn;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntConsumer;

/**
 * The thread budget of the neural-network code and a low-latency parallel loop over it.
 *
 * <p>{@link #parallelFor} hands the tasks of one loop to a persistent pool of daemon threads; the
 * calling thread works too, so {@code threads() == n} means n threads in all. Idle workers spin for
 * a few tens of microseconds before parking, so back-to-back loops (one training step) do not pay a
 * wake-up each.
 *
 * <p>One loop runs on the pool at a time. A call made while the pool is busy (from inside a task,
 * or from a second thread) runs its tasks inline on the calling thread, so nested calls never
 * deadlock. Work split by the caller must not depend on which thread runs a task if results have
 * to be reproducible.
 */
public final class Parallelism {
  private static volatile int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static volatile WorkerPool pool;

  private Parallelism() {}

  /**
   * Sets how many threads (the caller included) {@link #parallelFor} uses from now on.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public static synchronized void setThreads(int n) {
    if (n < 1) {
      throw new IllegalArgumentException(
          "thread count must be at least 1, got " + n + "; use 1 to run single-threaded");
    }
    if (n == threads) {
      return;
    }
    threads = n;
    WorkerPool old = pool;
    pool = null;
    if (old != null) {
      old.shutdown();
    }
  }

  /** The number of threads {@link #parallelFor} uses; defaults to the available processors. */
  public static int threads() {
    return threads;
  }

  /**
   * Runs {@code body.accept(t)} for every {@code t} in {@code [0, tasks)}, spread over
   * {@link #threads()} threads, and returns when all are done. Tasks are handed out in increasing
   * order to whichever thread is free. If a task throws, remaining tasks are skipped and the first
   * failure is rethrown here.
   */
  public static void parallelFor(int tasks, IntConsumer body) {
    if (tasks <= 0) {
      return;
    }
    int n = threads;
    if (tasks == 1 || n == 1 || !poolFor(n).tryRun(tasks, body)) {
      for (int t = 0; t < tasks; t++) {
        body.accept(t);
      }
    }
  }

  /** Work on the half-open index range {@code [from, to)}. */
  @FunctionalInterface
  public interface RangeBody {
    void run(int from, int to);
  }

  /**
   * Runs {@code body} over {@code [0, n)} cut into contiguous chunks of at least {@code minChunk}
   * indices (a few per thread), for elementwise work. Runs inline when {@code n < 2*minChunk}.
   */
  public static void parallelRange(int n, int minChunk, RangeBody body) {
    if (n <= 0) {
      return;
    }
    int chunks = (int) Math.min(4L * threads, n / Math.max(1, minChunk));
    if (chunks <= 1) {
      body.run(0, n);
      return;
    }
    int size = (n + chunks - 1) / chunks;
    parallelFor((n + size - 1) / size, t -> body.run(t * size, Math.min(n, (t + 1) * size)));
  }

  private static WorkerPool poolFor(int n) {
    WorkerPool p = pool;
    if (p != null && p.parallelism == n) {
      return p;
    }
    synchronized (Parallelism.class) {
      if (pool == null || pool.parallelism != threads) {
        if (pool != null) {
          pool.shutdown();
        }
        pool = new WorkerPool(threads);
      }
      return pool;
    }
  }

  /** Daemon workers plus the calling thread; runs one {@link Job} at a time. */
  private static final class WorkerPool {
    /** How long an idle worker or a waiting caller spins before parking. */
    private static final long SPIN_NANOS = 50_000;
    private static final AtomicInteger POOL_IDS = new AtomicInteger();

    final int parallelism;
    private final Worker[] workers;
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile Job job;
    private volatile boolean stopped;
    private long jobCount;

    WorkerPool(int parallelism) {
      this.parallelism = parallelism;
      this.workers = new Worker[parallelism - 1];
      int id = POOL_IDS.incrementAndGet();
      for (int i = 0; i < workers.length; i++) {
        workers[i] = new Worker(this, "synthbeam-nn-" + id + "-worker-" + (i + 1));
        workers[i].start();
      }
    }

    /** Runs the loop on the pool, or returns false if the pool is busy or this is a worker. */
    boolean tryRun(int tasks, IntConsumer body) {
      if (Thread.currentThread() instanceof Worker || stopped || !busy.compareAndSet(false, true)) {
        return false;
      }
      try {
        Job j = new Job(++jobCount, tasks, body, Thread.currentThread());
        job = j;
        for (Worker w : workers) {
          if (w.parked) {
            LockSupport.unpark(w);
          }
        }
        j.runTasks();
        j.awaitDone();
        job = null; // do not keep the caller's arrays reachable
        j.rethrowFailure();
        return true;
      } finally {
        busy.set(false);
      }
    }

    void shutdown() {
      stopped = true;
      for (Worker w : workers) {
        LockSupport.unpark(w);
      }
    }
  }

  /** One parallel loop: tasks are claimed from a shared counter. */
  private static final class Job {
    final long seq;
    final int tasks;
    final IntConsumer body;
    final Thread caller;
    final AtomicInteger next = new AtomicInteger();
    final AtomicInteger unfinished;
    volatile Throwable failure;

    Job(long seq, int tasks, IntConsumer body, Thread caller) {
      this.seq = seq;
      this.tasks = tasks;
      this.body = body;
      this.caller = caller;
      this.unfinished = new AtomicInteger(tasks);
    }

    void runTasks() {
      int t;
      while ((t = next.getAndIncrement()) < tasks) {
        if (failure == null) {
          try {
            body.accept(t);
          } catch (Throwable e) {
            failure = e;
          }
        }
        if (unfinished.decrementAndGet() == 0) {
          LockSupport.unpark(caller);
        }
      }
    }

    void awaitDone() {
      long deadline = System.nanoTime() + WorkerPool.SPIN_NANOS;
      while (unfinished.get() != 0 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      while (unfinished.get() != 0) {
        LockSupport.park(this);
      }
    }

    void rethrowFailure() {
      Throwable e = failure;
      if (e instanceof RuntimeException re) {
        throw re;
      }
      if (e instanceof Error er) {
        throw er;
      }
      if (e != null) {
        throw new IllegalStateException("parallel task failed", e);
      }
    }
  }

  private static final class Worker extends Thread {
    private final WorkerPool pool;
    volatile boolean parked;

    Worker(WorkerPool pool, String name) {
      super(name);
      this.pool = pool;
      setDaemon(true);
    }

    @Override
    public void run() {
      long lastSeq = 0;
      while (!pool.stopped) {
        Job j = pool.job;
        if (j != null && j.seq != lastSeq) {
          lastSeq = j.seq;
          j.runTasks();
          continue;
        }
        if (!idleUntilNewJob(lastSeq)) {
          parked = true;
          if (!hasNewJob(lastSeq) && !pool.stopped) {
            LockSupport.park(pool);
          }
          parked = false;
        }
      }
    }

    /** Spins briefly; true if a new job (or shutdown) came meanwhile. */
    private boolean idleUntilNewJob(long lastSeq) {
      long deadline = System.nanoTime() + WorkerPool.SPIN_NANOS;
      do {
        if (hasNewJob(lastSeq) || pool.stopped) {
          return true;
        }
        Thread.onSpinWait();
      } while (System.nanoTime() < deadline);
      return false;
    }

    private boolean hasNewJob(long lastSeq) {
      Job j = pool.job;
      return j != null && j.seq != lastSeq;
    }
  }
}
