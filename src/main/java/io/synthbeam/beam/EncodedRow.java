package io.synthbeam.beam;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.CoderException;

/**
 * One encoded training row and its sampling priority (a hash of the seed and the row's content).
 * The training sample keeps the rows of smallest priority.
 */
final class EncodedRow {
  private final long priority;
  private final float[] values;

  EncodedRow(long priority, float[] values) {
    this.priority = priority;
    this.values = values;
  }

  long priority() {
    return priority;
  }

  /** The encoded values; callers must not modify them. */
  float[] values() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EncodedRow r && r.priority == priority && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(priority) * 31 + Arrays.hashCode(values);
  }

  /**
   * Orders rows so that Beam's {@code Top.of} (which keeps the largest) keeps the smallest
   * priorities; ties (only identical rows have equal priorities, short of a 64-bit collision)
   * broken by the values, so the order is total.
   */
  static final class SmallestPriorityFirst implements Comparator<EncodedRow>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    @Override
    public int compare(EncodedRow a, EncodedRow b) {
      int byPriority = Long.compare(b.priority, a.priority);
      return byPriority != 0 ? byPriority : Arrays.compare(b.values, a.values);
    }
  }

  /** Priority then the values, as big-endian bytes. Deterministic. */
  static final class RowCoder extends AtomicCoder<EncodedRow> {
    private static final RowCoder INSTANCE = new RowCoder();

    static RowCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(EncodedRow row, OutputStream outStream) throws IOException {
      DataOutputStream out = new DataOutputStream(outStream);
      out.writeLong(row.priority);
      out.writeInt(row.values.length);
      for (float v : row.values) {
        out.writeFloat(v);
      }
      out.flush();
    }

    @Override
    public EncodedRow decode(InputStream inStream) throws IOException {
      DataInputStream in = new DataInputStream(inStream);
      long priority = in.readLong();
      int width = in.readInt();
      if (width < 0) {
        throw new CoderException("negative row width " + width);
      }
      float[] values = new float[width];
      for (int i = 0; i < width; i++) {
        values[i] = in.readFloat();
      }
      return new EncodedRow(priority, values);
    }

    @Override
    public void verifyDeterministic() {}

    @Override
    public boolean consistentWithEquals() {
      return true;
    }
  }
}
