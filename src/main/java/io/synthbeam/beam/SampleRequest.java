package io.synthbeam.beam;

import java.util.Map;
import java.util.TreeMap;

/**
 * Rows to sample from the model: how many, from which seed, under which conditions (categorical
 * column to value text; empty for the training distribution).
 */
record SampleRequest(long rows, long seed, Map<String, String> conditions) {
  SampleRequest {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    conditions = new TreeMap<>(conditions);
  }
}
