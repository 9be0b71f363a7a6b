package io.synthbeam.beam;

import io.synthbeam.onnx.ExecutionDevice;
import java.io.Serial;
import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.display.DisplayData;

/**
 * How synthetic rows are drawn: how many (negative: decided by the transform), under which
 * conditions, in shards of how many rows, on which device. Immutable; {@code withX} returns a copy.
 */
final class SamplingSettings implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** Default {@link #rowsPerShard()}: enough rows to amortise a shard, small enough to spread. */
  static final int DEFAULT_ROWS_PER_SHARD = 10_000;

  private final long rows;
  private final TreeMap<String, String> conditions;
  private final int rowsPerShard;
  private final ExecutionDevice device;

  private SamplingSettings(long rows, Map<String, String> conditions, int rowsPerShard,
      ExecutionDevice device) {
    this.rows = rows;
    this.conditions = new TreeMap<>(conditions);
    this.rowsPerShard = rowsPerShard;
    this.device = device;
  }

  static SamplingSettings defaults() {
    return new SamplingSettings(-1, Map.of(), DEFAULT_ROWS_PER_SHARD, ExecutionDevice.AUTO);
  }

  /** The rows asked for, or a negative number when not set. */
  long rows() {
    return rows;
  }

  boolean rowsSet() {
    return rows >= 0;
  }

  Map<String, String> conditions() {
    return new TreeMap<>(conditions);
  }

  int rowsPerShard() {
    return rowsPerShard;
  }

  ExecutionDevice device() {
    return device;
  }

  SamplingSettings withRows(long n) {
    if (n < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + n);
    }
    return new SamplingSettings(n, conditions, rowsPerShard, device);
  }

  /** @throws IllegalArgumentException for a null or blank column, or a null value */
  SamplingSettings withConditions(Map<String, String> newConditions) {
    ModelSettings.notNull(newConditions, "conditions");
    for (Map.Entry<String, String> e : newConditions.entrySet()) {
      if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
        throw new IllegalArgumentException("a condition needs a column and a value, got "
            + e.getKey() + "=" + e.getValue());
      }
    }
    return new SamplingSettings(rows, newConditions, rowsPerShard, device);
  }

  SamplingSettings withRowsPerShard(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("rowsPerShard must be at least 1, got " + n);
    }
    return new SamplingSettings(rows, conditions, n, device);
  }

  SamplingSettings withDevice(ExecutionDevice d) {
    return new SamplingSettings(rows, conditions, rowsPerShard, ModelSettings.notNull(d, "device"));
  }

  void populateDisplayData(DisplayData.Builder builder) {
    if (rowsSet()) {
      builder.add(DisplayData.item("rows", rows).withLabel("Synthetic rows"));
    }
    if (!conditions.isEmpty()) {
      builder.add(DisplayData.item("conditions", conditions.toString()).withLabel("Conditions"));
    }
    builder.add(DisplayData.item("rowsPerShard", rowsPerShard).withLabel("Rows per shard"))
        .add(DisplayData.item("device", device.name()).withLabel("Generator device"));
  }
}
