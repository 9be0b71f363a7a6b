package io.synthbeam.nn;

/**
 * Per-thread scratch buffers of the GEMM: packed panels and an edge tile. They only grow, so a
 * steady training loop allocates nothing.
 */
final class GemmWorkspace {
  private static final ThreadLocal<GemmWorkspace> CURRENT =
      ThreadLocal.withInitial(GemmWorkspace::new);

  private float[] packedA = new float[0];
  private float[] packedB = new float[0];
  private float[] sharedA = new float[0];
  private float[] panelB = new float[0];
  private final float[] tile = new float[GemmDriver.MAX_TILE];
  /** The call this thread is driving; reused so that a call allocates no task object. */
  final GemmDriver.Call call = new GemmDriver.Call();

  static GemmWorkspace current() {
    return CURRENT.get();
  }

  float[] packedA(long size) {
    if (packedA.length < size) {
      packedA = new float[checkedSize(size)];
    }
    return packedA;
  }

  float[] packedB(long size) {
    if (packedB.length < size) {
      packedB = new float[checkedSize(size)];
    }
    return packedB;
  }

  float[] sharedA(long size) {
    if (sharedA.length < size) {
      sharedA = new float[checkedSize(size)];
    }
    return sharedA;
  }

  float[] panelB(int size) {
    if (panelB.length < size) {
      panelB = new float[size];
    }
    return panelB;
  }

  float[] tile() {
    return tile;
  }

  private static int checkedSize(long size) {
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("GEMM operand too large to pack: " + size
          + " floats; split the product into smaller blocks");
    }
    return (int) size;
  }
}
