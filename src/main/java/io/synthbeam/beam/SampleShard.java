package io.synthbeam.beam;

import java.util.Map;
import java.util.TreeMap;

/**
 * One unit of parallel sampling: {@code rows} rows drawn with {@code seed} (the shard's own seed,
 * derived from the request's seed and the shard's index) under {@code conditions}.
 */
record SampleShard(long index, int rows, long seed, Map<String, String> conditions) {
  SampleShard {
    conditions = new TreeMap<>(conditions);
  }
}
