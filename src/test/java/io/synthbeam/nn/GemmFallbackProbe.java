package io.synthbeam.nn;

/**
 * Run by {@link GemmTest} in a JVM started without {@code jdk.incubator.vector}: prints the kernel
 * Gemm chose, whether a Vector API class got loaded, and whether a product came out right.
 */
public final class GemmFallbackProbe {
  private GemmFallbackProbe() {}

  public static void main(String[] args) {
    int m = 37;
    int n = 45;
    int k = 300;
    float[] a = new float[m * k];
    float[] b = new float[k * n];
    for (int i = 0; i < a.length; i++) {
      a[i] = (i % 7) - 3;
    }
    for (int i = 0; i < b.length; i++) {
      b[i] = (i % 5) - 2;
    }
    float[] c = new float[m * n];
    Gemm.gemm(false, false, m, n, k, a, 0, k, b, 0, n, 0f, c, 0, n);
    float[] expected = new float[m * n];
    Gemm.simple(false, false, m, n, k, a, 0, k, b, 0, n, false, expected, 0, n);
    boolean vectorLoaded = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    System.out.println("kernel=" + Gemm.kernel().describe());
    System.out.println("vectorModule=" + vectorLoaded);
    // Small integers: every order of summation gives the exact same floats.
    System.out.println("correct=" + java.util.Arrays.equals(expected, c));
  }
}
