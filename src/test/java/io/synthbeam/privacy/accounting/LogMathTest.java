package io.synthbeam.privacy.accounting;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogMathTest {
  @Test
  void logErfcMatchesReferenceValuesAcrossTheRealLine() {
    // Reference values: erfc(x) to 17 digits from mpmath (50-digit arithmetic); far tails as
    // log erfc(x), which no double can hold as erfc(x) itself.
    double[][] values = {
        {-5.0, 1.9999999999984625}, {-1.5, 1.9661051464753107}, {-0.3, 1.3286267594591274},
        {0.0, 1.0}, {0.2, 0.77729741078952153}, {1.0, 0.15729920705028513},
        {1.49, 0.035102135156795789}, {1.5, 0.033894853524689273}, {2.0, 0.0046777349810472658},
        {3.0, 2.2090496998585441e-5}, {5.0, 1.5374597944280349e-12},
        {10.0, 2.0884875837625448e-45},
    };
    for (double[] v : values) {
      assertEquals(Math.log(v[1]), LogMath.logErfc(v[0]), 1e-14 + 1e-14 * Math.abs(Math.log(v[1])),
          "x = " + v[0]);
    }
    assertEquals(-903.97411711064388, LogMath.logErfc(30.0), 1e-11);
    assertEquals(-10005.177585122664, LogMath.logErfc(100.0), 1e-9);
    assertEquals(Math.log(2.0), LogMath.logErfc(-40.0), 1e-16);
  }

  @Test
  void logSpaceArithmetic() {
    assertEquals(Math.log(5.0), LogMath.logAdd(Math.log(2.0), Math.log(3.0)), 1e-15);
    assertEquals(Math.log(1.0), LogMath.logSub(Math.log(3.0), Math.log(2.0)), 1e-15);
    assertEquals(1000.0 + Math.log(2.0), LogMath.logAdd(1000.0, 1000.0), 1e-12);
    assertEquals(Math.log(1e-20), LogMath.logExpm1(1e-20), 1e-12);
    assertEquals(800.0, LogMath.logExpm1(800.0), 1e-12);
    assertEquals(Math.log1p(Math.exp(-3.0)), LogMath.log1pExp(-3.0), 1e-16);
    assertEquals(Math.log(-Math.expm1(-1e-10)), LogMath.log1mExp(-1e-10), 1e-12);
  }
}
