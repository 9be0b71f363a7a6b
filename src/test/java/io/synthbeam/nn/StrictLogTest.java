package io.synthbeam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** StrictLog must give StrictMath.log's bits: the rows a seed samples depend on them. */
class StrictLogTest {

  @Test
  void specialValuesAndBoundaries() {
    double sqrtHalf = Math.sqrt(0.5);
    double sqrt2 = Math.sqrt(2);
    double[] values = {0.0, -0.0, -1.0, -Double.MIN_VALUE, Double.NaN, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MIN_NORMAL,
        Math.nextDown(Double.MIN_NORMAL), Double.MIN_NORMAL * 3.5, Double.MAX_VALUE, 1.0,
        Math.nextUp(1.0), Math.nextDown(1.0), 1 + 0x1p-21, 1 - 0x1p-21, 1 + 0x1p-19, 2.0, 0.5,
        sqrtHalf, Math.nextUp(sqrtHalf), Math.nextDown(sqrtHalf), sqrt2, Math.nextUp(sqrt2),
        Math.nextDown(sqrt2), Math.E, 0x1p-53, 0.5 * 0x1p-53, 1 - 0x1p-53, 1e-300, 1e300};
    for (double x : values) {
      assertSame(x);
    }
    for (int e = -1074; e <= 1023; e++) {
      double p = Math.scalb(1.0, e);
      assertSame(p);
      assertSame(Math.nextUp(p));
      assertSame(Math.nextDown(p));
      assertSame(p * 1.4142);
    }
  }

  @Test
  void randomInputsOfEveryKindSamplingUses() {
    SplittableRandom random = new SplittableRandom(20261206L);
    for (int i = 0; i < 1_000_000; i++) {
      // Any positive double (every exponent, subnormals included).
      assertSame(Double.longBitsToDouble(random.nextLong() & 0x7fffffffffffffffL));
      // Uniforms in (0, 1), as the Gumbel draw's first logarithm and the polar method take.
      double u = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
      assertSame(u);
      // -log(u), the Gumbel draw's second logarithm: (0, 37.4], mostly near 1.
      assertSame(-StrictMath.log(u));
      // Near 1, where log takes its |f| < 2^-20 branch.
      assertSame(1 + (random.nextDouble() - 0.5) * 0x1p-18);
    }
  }

  private static void assertSame(double x) {
    long expected = Double.doubleToRawLongBits(StrictMath.log(x));
    long actual = Double.doubleToRawLongBits(StrictLog.log(x));
    if (Double.isNaN(StrictMath.log(x))) {
      assertEquals(true, Double.isNaN(StrictLog.log(x)), "log(" + x + ") is NaN");
    } else if (expected != actual) {
      fail("log(" + x + " = " + Long.toHexString(Double.doubleToRawLongBits(x)) + "): StrictMath "
          + StrictMath.log(x) + ", StrictLog " + StrictLog.log(x));
    }
  }
}
