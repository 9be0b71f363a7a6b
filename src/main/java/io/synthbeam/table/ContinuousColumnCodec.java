package io.synthbeam.table;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mode-specific normalisation of a continuous column (CTGAN section 4.2, with CTAB-GAN's
 * point-mass modes). The column's run is a scalar, then the one-hot of its modes: point masses
 * (ascending value), Gaussians (ascending mean), then a null mode if the column had nulls. A value's
 * mode is drawn from its posterior: a point value takes its point mode with the point's posterior
 * (usually 1), otherwise a Gaussian mode k with probability ~ w_k N(x | mu_k, sigma_k), among the
 * modes whose +-3.96 sigma range covers x. A value beyond every mode's range (an extreme tail) is
 * clipped, as in CTGAN.
 */
final class ContinuousColumnCodec implements ColumnCodec {
  /** Encoded scalars are clipped to this, as in CTGAN. */
  static final double SCALAR_CLIP = 0.99;
  /** A Gaussian mode covers mean +- this many standard deviations of the scalar's range. */
  static final double SIGMAS = 4;

  private final ColumnSpec column;
  private final ColumnReader reader;
  private final ContinuousModes modes;
  private final int pointCount;
  private final int gaussianCount;
  private final Object[] pointValues;
  /** log(weight / std) per Gaussian: the part of the posterior that does not depend on x. */
  private final double[] logWeightOverStd;

  ContinuousColumnCodec(ColumnSpec column, ColumnReader reader, ContinuousModes modes) {
    this.column = column;
    this.reader = reader;
    this.modes = modes;
    this.pointCount = modes.points().length;
    this.gaussianCount = modes.means().length;
    this.pointValues = new Object[pointCount];
    for (int i = 0; i < pointCount; i++) {
      pointValues[i] = toJava(modes.points()[i]);
    }
    this.logWeightOverStd = new double[gaussianCount];
    for (int k = 0; k < gaussianCount; k++) {
      logWeightOverStd[k] = Math.log(modes.weights()[k]) - Math.log(modes.stds()[k]);
    }
  }

  ContinuousModes modes() {
    return modes;
  }

  @Override
  public ColumnSpec column() {
    return column;
  }

  int modeCount() {
    return pointCount + gaussianCount + (modes.nullMode() ? 1 : 0);
  }

  @Override
  public int width() {
    return 1 + modeCount();
  }

  @Override
  public List<OutputSpan> spans(int offset, int columnIndex) {
    return List.of(new OutputSpan(offset, 1, OutputSpan.Activation.TANH, columnIndex),
        new OutputSpan(offset + 1, modeCount(), OutputSpan.Activation.SOFTMAX, columnIndex));
  }

  @Override
  public void encode(Object raw, float[] out, int offset, SplittableRandom rng) {
    int modeOffset = offset + 1;
    if (raw == null) {
      reader.checkNullAllowed();
      if (!modes.nullMode()) {
        throw new IllegalArgumentException("column '" + column.name()
            + "' had no nulls in training, so a null cannot be encoded");
      }
      out[modeOffset + pointCount + gaussianCount] = 1;
      return;
    }
    double x = reader.number(raw);
    int point = Arrays.binarySearch(modes.points(), x);
    if (point >= 0 && (gaussianCount == 0 || modes.pointPosteriors()[point] >= 1
        || rng.nextDouble() < modes.pointPosteriors()[point])) {
      out[modeOffset + point] = 1;
    } else if (gaussianCount > 0) {
      int k = gaussianCount == 1 ? 0 : sampleGaussian(x, rng);
      double scalar = (x - modes.means()[k]) / (SIGMAS * modes.stds()[k]);
      out[offset] = (float) Math.max(-SCALAR_CLIP, Math.min(SCALAR_CLIP, scalar));
      out[modeOffset + pointCount + k] = 1;
    } else if (pointCount > 0) {
      // Only point masses were fitted (a value outside the sample): the nearest one stands in.
      out[modeOffset + nearestPoint(x, -point - 1)] = 1;
    } else {
      throw new IllegalArgumentException("column '" + column.name()
          + "' had only nulls in training, so the value " + x + " cannot be encoded");
    }
  }

  /**
   * Samples a Gaussian mode from its posterior given x, p(k | x) ~ w_k N(x | mu_k, sigma_k), among
   * the modes whose scalar range covers x (so that x is not clipped needlessly); when none does,
   * the mode nearest in standard deviations.
   */
  private int sampleGaussian(double x, SplittableRandom rng) {
    double[] means = modes.means();
    double[] stds = modes.stds();
    double reach = SIGMAS * SCALAR_CLIP;
    double max = Double.NEGATIVE_INFINITY;
    int nearest = 0;
    double nearestDistance = Double.POSITIVE_INFINITY;
    for (int k = 0; k < gaussianCount; k++) {
      double distance = Math.abs(x - means[k]) / stds[k];
      if (distance <= reach) {
        max = Math.max(max, logDensity(x, k, means, stds));
      }
      if (distance < nearestDistance) {
        nearestDistance = distance;
        nearest = k;
      }
    }
    if (max == Double.NEGATIVE_INFINITY) {
      return nearest;
    }
    double total = 0;
    for (int k = 0; k < gaussianCount; k++) {
      if (Math.abs(x - means[k]) / stds[k] <= reach) {
        total += Math.exp(logDensity(x, k, means, stds) - max);
      }
    }
    double u = rng.nextDouble() * total;
    int last = nearest;
    for (int k = 0; k < gaussianCount; k++) {
      if (Math.abs(x - means[k]) / stds[k] <= reach) {
        last = k;
        u -= Math.exp(logDensity(x, k, means, stds) - max);
        if (u < 0) {
          return k;
        }
      }
    }
    return last;
  }

  private double logDensity(double x, int k, double[] means, double[] stds) {
    double d = (x - means[k]) / stds[k];
    return logWeightOverStd[k] - 0.5 * d * d;
  }

  private int nearestPoint(double x, int insertion) {
    double[] points = modes.points();
    if (insertion == 0) {
      return 0;
    }
    if (insertion == points.length) {
      return points.length - 1;
    }
    return x - points[insertion - 1] <= points[insertion] - x ? insertion - 1 : insertion;
  }

  @Override
  public Object decode(float[] row, int offset) {
    int mode = ColumnCodec.argmax(row, offset + 1, modeCount());
    if (mode < pointCount) {
      return pointValues[mode];
    }
    int k = mode - pointCount;
    if (k >= gaussianCount) {
      return null;
    }
    float scalar = row[offset];
    double clipped = scalar != scalar ? 0 : Math.max(-1, Math.min(1, scalar));
    double x = clipped * SIGMAS * modes.stds()[k] + modes.means()[k];
    return toJava(Math.max(modes.min(), Math.min(modes.max(), x)));
  }

  /** A value of the column in its field's Java type (integers rounded). */
  private Object toJava(double x) {
    return switch (column.type()) {
      case INT, DATE -> Integer.valueOf((int) Math.round(x));
      case LONG, TIMESTAMP_MILLIS, TIMESTAMP_MICROS -> Long.valueOf(Math.round(x));
      case FLOAT -> Float.valueOf((float) x);
      case DOUBLE -> Double.valueOf(x);
      default -> throw new IllegalStateException("column '" + column.name() + "' is categorical");
    };
  }
}
