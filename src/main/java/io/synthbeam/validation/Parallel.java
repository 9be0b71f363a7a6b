package io.synthbeam.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent jobs (model fits) on a few threads. Each XGBoost fit runs on one thread: its
 * own OpenMP threads spin while they wait, which on a busy machine costs far more than it gains,
 * so the parallelism is across fits instead.
 */
final class Parallel {
  private Parallel() {}

  /** The jobs' results in order; the first failure is rethrown unchecked. */
  static <T> List<T> all(List<Callable<T>> jobs, int threads) {
    if (threads <= 1 || jobs.size() <= 1) {
      List<T> results = new ArrayList<>();
      for (Callable<T> job : jobs) {
        results.add(call(job));
      }
      return results;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, jobs.size()), r -> {
      Thread t = new Thread(r, "synthbeam-validation");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (Callable<T> job : jobs) {
        futures.add(pool.submit(job));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while validating", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("validation failed: " + cause, cause);
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T call(Callable<T> job) {
    try {
      return job.call();
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("validation failed: " + e, e);
    }
  }
}
