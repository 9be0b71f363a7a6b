package io.synthbeam.beam;

import java.nio.charset.StandardCharsets;

/**
 * Seeds derived from the user's seed, so that every shard of synthetic rows has its own
 * well-mixed seed that depends only on the seed and the shard's position: the output then does
 * not depend on the runner, the number of workers or retries.
 */
final class ShardSeeds {
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  private ShardSeeds() {}

  /** The seed of shard {@code index} of a request with seed {@code seed}. */
  static long shardSeed(long seed, long index) {
    return RowPriority.mix(RowPriority.mix(seed) + GOLDEN * (index + 1));
  }

  /** The seed of the request for one class (rebalancing): the seed mixed with the class's text. */
  static long classSeed(long seed, String classText) {
    return RowPriority.hash(RowPriority.mix(seed ^ 0x2545F4914F6CDD1DL),
        classText.getBytes(StandardCharsets.UTF_8));
  }
}
