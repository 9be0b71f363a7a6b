package io.synthbeam.privacy.accounting;

/**
 * Rényi differential privacy of one step of the Sampled Gaussian Mechanism (SGM): each record is
 * included independently with probability q (Poisson sampling), the sum of the included records'
 * clipped contributions (L2 sensitivity 1) gets N(0, &sigma;&sup2;) noise per coordinate.
 *
 * <p>Following Mironov, Talwar and Zhang, "Rényi Differential Privacy of the Sampled Gaussian
 * Mechanism" (arXiv 1908.10530, sections 3.2-3.3), under add-or-remove-one adjacency the RDP at
 * order &alpha; is log(A<sub>&alpha;</sub>)/(&alpha;-1), where with &mu;<sub>0</sub> = N(0,
 * &sigma;&sup2;) and &mu; = (1-q)&mu;<sub>0</sub> + q N(1, &sigma;&sup2;)
 *
 * <pre>A_&alpha; = E_{z~&mu;0}[(&mu;(z)/&mu;0(z))^&alpha;]</pre>
 *
 * <ul>
 *   <li>for integer &alpha; the binomial expansion is finite: A<sub>&alpha;</sub> = &Sigma;<sub>k=0..&alpha;</sub>
 *       C(&alpha;,k) (1-q)<sup>&alpha;-k</sup> q<sup>k</sup> exp((k&sup2;-k)/(2&sigma;&sup2;)). We sum
 *       A<sub>&alpha;</sub> - 1 instead (its k = 0, 1 terms vanish and all others are positive), so
 *       that log A<sub>&alpha;</sub> = log1p(A<sub>&alpha;</sub> - 1) keeps full relative precision even
 *       when the RDP is tiny;
 *   <li>for fractional &alpha; the integral is split at z<sub>0</sub> = &sigma;&sup2; log(1/q - 1) + 1/2,
 *       where the two mixture terms are equal, and each side expanded in a convergent binomial
 *       series weighted by Gaussian tail probabilities (erfc), summed with signs in log space; the
 *       alternating tail is closed by an Euler transform with a rigorous error bound, and the
 *       result rounded up by that bound (so truncation never under-reports privacy loss).
 * </ul>
 *
 * <p>q = 1 is the plain Gaussian mechanism, &alpha;/(2&sigma;&sup2;) exactly; q = 0 releases
 * nothing about a record (RDP 0); &sigma; = 0 is not private (RDP +&infin;).
 */
public final class SampledGaussianRdp {
  /** The series stops when its remainder is below 1e-12 of log A (what the RDP divides)... */
  private static final double RELATIVE_TOLERANCE = 1e-12;
  /** ...or below 1e-17 of A &ge; 1, which double precision cannot see anyway. */
  private static final double ABSOLUTE_FLOOR = 1e-17;
  /** Differences used by the Euler transform of the alternating tail. */
  private static final int EULER_LEVELS = 4;
  private static final long MAX_SERIES_TERMS = 10_000_000L;

  private SampledGaussianRdp() {}

  /**
   * RDP of one SGM step at {@code order}.
   *
   * @param q sampling probability, in [0, 1]
   * @param sigma noise multiplier (noise standard deviation over the L2 clip norm), &ge; 0
   * @param order Rényi order &alpha; &gt; 1 (may be +&infin;)
   * @return the RDP &epsilon;(&alpha;) &ge; 0, possibly +&infin;
   */
  public static double rdp(double q, double sigma, double order) {
    checkArguments(q, sigma, order);
    if (q == 0.0) {
      return 0.0;
    }
    if (sigma == 0.0 || order == Double.POSITIVE_INFINITY) {
      return Double.POSITIVE_INFINITY;
    }
    if (q == 1.0) {
      return order / (2.0 * sigma * sigma);
    }
    return logA(q, sigma, order) / (order - 1.0);
  }

  /** The RDP of one step at each of {@code orders}. */
  public static double[] rdp(double q, double sigma, double[] orders) {
    double[] out = new double[orders.length];
    for (int i = 0; i < orders.length; i++) {
      out[i] = rdp(q, sigma, orders[i]);
    }
    return out;
  }

  /** log A<sub>&alpha;</sub> for 0 &lt; q &lt; 1, &sigma; &gt; 0 and finite &alpha; &gt; 1. */
  static double logA(double q, double sigma, double order) {
    return order == Math.rint(order) && order < Long.MAX_VALUE
        ? logAIntegerOrder(q, sigma, (long) order)
        : logAFractionalOrder(q, sigma, order);
  }

  private static double logAIntegerOrder(double q, double sigma, long alpha) {
    double logQ = Math.log(q);
    double log1mQ = Math.log1p(-q);
    double twoVariance = 2.0 * sigma * sigma;
    // A - 1 = sum_{k>=2} C(a,k) (1-q)^(a-k) q^k (exp((k^2-k)/(2 s^2)) - 1): the binomial terms sum
    // to 1, and the k = 0, 1 terms have exponent 0.
    double logBinomial = Math.log(alpha); // log C(alpha, 1)
    double logAMinus1 = Double.NEGATIVE_INFINITY;
    for (long k = 2; k <= alpha; k++) {
      logBinomial += Math.log((double) (alpha - k + 1)) - Math.log((double) k);
      double kd = k;
      double term = logBinomial + (alpha - kd) * log1mQ + kd * logQ
          + LogMath.logExpm1((kd * kd - kd) / twoVariance);
      logAMinus1 = LogMath.logAdd(logAMinus1, term);
    }
    return LogMath.log1pExp(logAMinus1);
  }

  /**
   * MTZ 2019 section 3.3: A = A1 + A2 with
   * A1 = sum_k C(a,k) (1-q)^(a-k) q^k exp((k^2-k)/(2s^2)) erfc((k - z0)/(sqrt2 s))/2 and
   * A2 = sum_k C(a,k) (1-q)^k q^(a-k) exp(((a-k)^2-(a-k))/(2s^2)) erfc((z0 - (a-k))/(sqrt2 s))/2.
   *
   * <p>Both series share the sign of C(a,k), which alternates from k = floor(a) + 1 on. There the
   * magnitudes b_k are completely monotone in k: b_k = |C(a,k)| (1-q)^a exp(-z0^2/(2s^2)) times
   * (e^{x^2} erfc(x))/2 at x = (k - z0)/(sqrt2 s) plus the same at x = (z0 - a + k)/(sqrt2 s),
   * where |C(a,k)| is a Beta integral in k and e^{x^2} erfc(x) a Laplace transform in x. For such
   * an alternating tail the Euler transform sum_j (-1)^j Delta^j b_n / 2^(j+1) has positive terms
   * and a remainder after m of them between 0 and (-1)^m Delta^m b_n / 2^m. So the tail is added
   * in closed form with a rigorous error bound, and the result is rounded up by that bound: the
   * RDP returned is never below the series value. Without this, the tail decays only like
   * k^-(a+2) when z0 is small against sigma (q near 1/2, or large sigma).
   */
  private static double logAFractionalOrder(double q, double sigma, double alpha) {
    FractionalOrderTerms terms = new FractionalOrderTerms(q, sigma, alpha);
    long alternatingFrom = (long) Math.floor(alpha) + 1;
    SignedLogSum sum = new SignedLogSum();
    for (long k = 0; k < alternatingFrom; k++) {
      sum.add(terms.logMagnitude(k), false); // C(a,k) > 0 for k <= floor(a) + 1
    }
    double[] window = new double[EULER_LEVELS + 1];
    for (int i = 0; i <= EULER_LEVELS; i++) {
      window[i] = terms.logMagnitude(alternatingFrom + i);
    }
    for (long n = alternatingFrom; ; n++) {
      boolean negative = ((n - alternatingFrom) & 1L) == 1L;
      EulerTail tail = EulerTail.of(window);
      if (tail.logError() < logTolerance(sum)) {
        // Upper bound: the tail lies between sign*estimate and sign*(estimate + error).
        if (negative) {
          sum.add(tail.logEstimate(), true);
        } else {
          sum.add(LogMath.logAdd(tail.logEstimate(), tail.logError()), false);
        }
        return sum.logValue();
      }
      sum.add(window[0], negative);
      System.arraycopy(window, 1, window, 0, EULER_LEVELS);
      window[EULER_LEVELS] = terms.logMagnitude(n + EULER_LEVELS + 1);
      if (n > MAX_SERIES_TERMS) {
        throw new ArithmeticException("RDP series did not converge for q=" + q + ", sigma="
            + sigma + ", order=" + alpha + "; use integer orders for such extreme parameters");
      }
    }
  }

  /**
   * How much A may still be off: 1e-12 of log A relative to A (so the RDP is good to 1e-12), but
   * no less than 1e-17 of A. While the partial sum is not yet positive, nothing is known, so
   * -&infin; (keep summing).
   */
  private static double logTolerance(SignedLogSum sum) {
    if (!sum.isPositive()) {
      return Double.NEGATIVE_INFINITY;
    }
    double logA = sum.logValue();
    return logA + Math.log(Math.max(ABSOLUTE_FLOOR, RELATIVE_TOLERANCE * logA));
  }

  private static void checkArguments(double q, double sigma, double order) {
    if (!(q >= 0.0 && q <= 1.0)) {
      throw new IllegalArgumentException(
          "sampling probability q must be in [0, 1], got " + q);
    }
    if (!(sigma >= 0.0) || sigma == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(
          "noise multiplier sigma must be finite and >= 0, got " + sigma);
    }
    if (!(order > 1.0)) {
      throw new IllegalArgumentException("Rényi order must be > 1, got " + order);
    }
  }
}
