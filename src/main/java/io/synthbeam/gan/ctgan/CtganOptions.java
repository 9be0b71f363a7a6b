package io.synthbeam.gan.ctgan;

import java.io.Serializable;

/**
 * Immutable options of the CTGAN trainer (defaults from arXiv 1907.00503 unless noted); set with
 * {@code withX}, which returns a copy.
 *
 * <p>SKELETON: the trainer work fills in the full option set.
 */
public final class CtganOptions implements Serializable {
  private final int epochs;
  private final int batchSize;
  private final long seed;
  private final int threads;

  private CtganOptions(int epochs, int batchSize, long seed, int threads) {
    this.epochs = epochs;
    this.batchSize = batchSize;
    this.seed = seed;
    this.threads = threads;
  }

  public static CtganOptions defaults() {
    return new CtganOptions(300, 500, 1L, Runtime.getRuntime().availableProcessors());
  }

  public int epochs() { return epochs; }
  public int batchSize() { return batchSize; }
  public long seed() { return seed; }
  public int threads() { return threads; }

  public CtganOptions withEpochs(int n) { return new CtganOptions(n, batchSize, seed, threads); }
  public CtganOptions withBatchSize(int n) { return new CtganOptions(epochs, n, seed, threads); }
  public CtganOptions withSeed(long s) { return new CtganOptions(epochs, batchSize, s, threads); }
  public CtganOptions withThreads(int n) { return new CtganOptions(epochs, batchSize, seed, n); }
}
