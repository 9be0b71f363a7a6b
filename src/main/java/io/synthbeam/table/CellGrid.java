package io.synthbeam.table;

import java.io.Serializable;

/**
 * How a private fit quantises a continuous column's values into cells before counting them: the
 * cell of a value depends on the value alone (never on the data), so one row adds one to one
 * cell, and a histogram over any coarser public bins can be summed from the cells.
 */
sealed interface CellGrid extends Serializable permits CellGrid.LogCells, CellGrid.UniformCells {

  /** The value the cells see (clipped to a declared range). */
  double clip(double x);

  /** The cell holding {@code x} (after {@link #clip}). */
  long cell(double x);

  /**
   * A value standing for the cell: the one integer it holds when {@code integers} and it holds
   * exactly one, else its midpoint.
   */
  double representative(long cell, boolean integers);

  /**
   * Cells of relative width 2<sup>-{@value #CELL_BITS}</sup>: a value's sign, exponent and top
   * {@value #CELL_BITS} mantissa bits, so they cover every double without a declared range. Each
   * integer below 2<sup>{@value #CELL_BITS}+1</sup> in magnitude has a cell of its own. Coarse
   * bins keep {@value #COARSE_BITS} mantissa bits: one bin per octave, [2<sup>e</sup>,
   * 2<sup>e+1</sup>) and its negative, so that a long tail still puts enough rows in a bin to be
   * seen through the noise.
   */
  record LogCells() implements CellGrid {
    static final int CELL_BITS = 12;
    static final int COARSE_BITS = 0;
    private static final int CELL_SHIFT = 52 - CELL_BITS;
    private static final int COARSE_SHIFT = 52 - COARSE_BITS;

    @Override
    public double clip(double x) {
      return x;
    }

    @Override
    public long cell(double x) {
      return Double.doubleToRawLongBits(x) >>> CELL_SHIFT;
    }

    @Override
    public double representative(long cell, boolean integers) {
      double[] b = bounds(cell, CELL_SHIFT);
      if (integers) {
        // The magnitudes are [a, c): the integers in it are ceil(a), ..., ceil(c) - 1.
        double a = Math.min(Math.abs(b[0]), Math.abs(b[1]));
        double c = Math.max(Math.abs(b[0]), Math.abs(b[1]));
        if (Math.ceil(c) - Math.ceil(a) == 1) {
          return Math.copySign(Math.ceil(a), b[0] + b[1]);
        }
      }
      return 0.5 * b[0] + 0.5 * b[1];
    }

    /** The coarse bin of a cell. */
    static long coarse(long cell) {
      return cell >>> (COARSE_SHIFT - CELL_SHIFT);
    }

    /** The value interval of a coarse bin, {lower, upper}. */
    static double[] coarseBounds(long coarse) {
      return bounds(coarse, COARSE_SHIFT);
    }

    /** The values whose raw bits shifted right by {@code shift} give {@code key}. */
    private static double[] bounds(long key, int shift) {
      int magnitudeBits = 63 - shift;
      boolean negative = (key >>> magnitudeBits) != 0;
      long magnitude = key & ((1L << magnitudeBits) - 1);
      double a = Double.longBitsToDouble(magnitude << shift);
      double c = Math.min(Double.longBitsToDouble((magnitude + 1) << shift), Double.MAX_VALUE);
      return negative ? new double[] {-c, -a} : new double[] {a, c};
    }
  }

  /**
   * {@code count} equal cells over a declared [min, max], values clipped to it; for an integer
   * column spanning at most {@code count} integers, one cell per integer.
   */
  record UniformCells(double min, double max, int count, boolean exactIntegers)
      implements CellGrid {
    static final int CELLS = 4096;

    static UniformCells over(double min, double max, boolean integers) {
      boolean exact = integers && max - min + 1 <= CELLS;
      return new UniformCells(min, max, exact ? (int) (max - min + 1) : CELLS, exact);
    }

    @Override
    public double clip(double x) {
      return Math.max(min, Math.min(max, x));
    }

    @Override
    public long cell(double x) {
      if (exactIntegers) {
        return Math.round(x - min);
      }
      return Math.min(count - 1, (long) Math.floor((x - min) / (max - min) * count));
    }

    @Override
    public double representative(long cell, boolean integers) {
      return exactIntegers ? min + cell : min + (cell + 0.5) * ((max - min) / count);
    }
  }
}
