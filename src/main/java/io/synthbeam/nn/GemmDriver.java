package io.synthbeam.nn;

import java.util.function.IntConsumer;

/**
 * The blocked GEMM around a micro-kernel (the loop structure of Goto and van de Geijn, "Anatomy of
 * high-performance matrix multiplication", 2008):
 *
 * <ol>
 *   <li>C is cut into blocks of at most {@link #MC_TARGET} rows and, when there are too few row
 *       blocks to keep the threads busy, into column blocks of whole panels; each block is a task;
 *   <li>op(B) is packed once per call into column panels of {@code nr} (in parallel by panels)
 *       when several row blocks share it; with a single row block each task packs its own panels
 *       as it goes, one k-block at a time, straight into L1;
 *   <li>a task walks k in blocks of at most {@link #KC_MAX}: it packs its rows of op(A) for the
 *       k-block (kept in L2), then for each B panel (its k-block, {@code kc x nr}, stays in L1)
 *       runs the micro-kernel down the A panels.
 * </ol>
 *
 * <p>The k-blocks depend only on k, and the micro-kernel sums each element the same way wherever
 * it sits in a tile, so every element of C gets the same sequence of float operations however the
 * blocks are split or scheduled: results are identical for any thread count.
 */
final class GemmDriver {
  /** Largest k-block: a {@code kc x 16} B panel is 16 KB, half of L1. */
  static final int KC_MAX = 256;
  /** Rows of C per task: a {@code 120 x 256} block of packed A is 120 KB, well inside L2. */
  static final int MC_TARGET = 120;
  /** Scratch tile size that fits every kernel. */
  static final int MAX_TILE = 256;
  /** Below this many multiply-adds the pool's hand-off costs more than it saves. */
  static final long PARALLEL_MIN_MACS = 1L << 20;
  /** Tasks per thread when the split is over columns too: a little slack for uneven cores. */
  static final int TASKS_PER_THREAD = 4;

  private GemmDriver() {}

  /** C = (accumulate ? C : 0) + op(A) op(B); m, n, k &gt;= 1. */
  static void multiply(GemmMicroKernel kernel, int threads, boolean transA, boolean transB,
      int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      boolean accumulate, float[] c, int cOff, int ldc) {
    Call call = GemmWorkspace.current().call;
    call.set(kernel, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    boolean parallel = threads > 1 && (long) m * n * k >= PARALLEL_MIN_MACS;
    try {
      call.plan(parallel ? threads : 1);
      if (parallel) {
        if (!call.packBInTasks) {
          Parallelism.parallelFor(call.packTasks, call.packTask);
        }
        Parallelism.parallelFor(call.rowBlocks * call.colBlocks, call.blockTask);
      } else {
        if (!call.packBInTasks) {
          call.packTask.accept(0);
        }
        for (int t = 0; t < call.rowBlocks * call.colBlocks; t++) {
          call.blockTask.accept(t);
        }
      }
    } finally {
      call.clear();
    }
  }

  private static int ceilDiv(int x, int y) {
    return (x + y - 1) / y;
  }

  /** The operands and plan of one GEMM call; one per calling thread, reused. */
  static final class Call {
    final IntConsumer packTask = this::packPanels;
    final IntConsumer blockTask = this::computeBlock;

    private GemmMicroKernel kernel;
    private boolean transA;
    private boolean transB;
    private int m;
    private int n;
    private int k;
    private float[] a;
    private int aOff;
    private int lda;
    private float[] b;
    private int bOff;
    private int ldb;
    private boolean accumulate;
    private float[] c;
    private int cOff;
    private int ldc;

    private int kc;
    private int nPanels;
    private int packTasks;
    private int rowBlocks;
    private int rowsPerBlock;
    private int colBlocks;
    private int panelsPerColBlock;
    private boolean packBInTasks;
    private float[] packedB;

    void set(GemmMicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
        float[] a, int aOff, int lda, float[] b, int bOff, int ldb, boolean accumulate,
        float[] c, int cOff, int ldc) {
      this.kernel = kernel;
      this.transA = transA;
      this.transB = transB;
      this.m = m;
      this.n = n;
      this.k = k;
      this.a = a;
      this.aOff = aOff;
      this.lda = lda;
      this.b = b;
      this.bOff = bOff;
      this.ldb = ldb;
      this.accumulate = accumulate;
      this.c = c;
      this.cOff = cOff;
      this.ldc = ldc;
    }

    /** Splits the work; only the number of column blocks depends on the thread count. */
    void plan(int threads) {
      int mr = kernel.mr();
      int nr = kernel.nr();
      kc = ceilDiv(k, ceilDiv(k, KC_MAX));
      nPanels = ceilDiv(n, nr);
      packTasks = Math.min(threads, nPanels);
      int mPanels = ceilDiv(m, mr);
      rowBlocks = ceilDiv(mPanels, Math.max(1, MC_TARGET / mr));
      rowsPerBlock = ceilDiv(mPanels, rowBlocks) * mr;
      rowBlocks = ceilDiv(m, rowsPerBlock);
      colBlocks = 1;
      int wanted = threads == 1 ? 1 : TASKS_PER_THREAD * threads;
      if (rowBlocks < wanted) {
        colBlocks = Math.min(nPanels, ceilDiv(wanted, rowBlocks));
      }
      panelsPerColBlock = ceilDiv(nPanels, colBlocks);
      colBlocks = ceilDiv(nPanels, panelsPerColBlock);
      // With a single row block every B panel is used by one task only: pack it there, in L1.
      packBInTasks = rowBlocks == 1;
      packedB = packBInTasks ? null : GemmWorkspace.current().packedB((long) nPanels * k * nr);
    }

    void clear() {
      a = null;
      b = null;
      c = null;
      packedB = null;
    }

    private void packPanels(int task) {
      int per = ceilDiv(nPanels, packTasks);
      int q0 = task * per;
      int q1 = Math.min(nPanels, q0 + per);
      GemmPacking.packB(transB, b, bOff, ldb, n, kernel.nr(), 0, k, q0, q1, packedB, q0 * k * kernel.nr());
    }

    private void computeBlock(int task) {
      int mr = kernel.mr();
      int nr = kernel.nr();
      int row0 = (task / colBlocks) * rowsPerBlock;
      int rows = Math.min(rowsPerBlock, m - row0);
      int q0 = (task % colBlocks) * panelsPerColBlock;
      int q1 = Math.min(nPanels, q0 + panelsPerColBlock);
      GemmWorkspace ws = GemmWorkspace.current();
      float[] packedA = ws.packedA((long) ceilDiv(rows, mr) * mr * kc);
      float[] tile = ws.tile();
      for (int p0 = 0; p0 < k; p0 += kc) {
        int depth = Math.min(kc, k - p0);
        GemmPacking.packA(transA, a, aOff, lda, row0, rows, p0, depth, mr, packedA);
        boolean add = accumulate || p0 > 0;
        for (int q = q0; q < q1; q++) {
          int j = q * nr;
          int cols = Math.min(nr, n - j);
          int pbOff;
          float[] pb;
          if (packBInTasks) {
            pb = ws.panelB(depth * nr);
            pbOff = 0;
            GemmPacking.packB(transB, b, bOff, ldb, n, nr, p0, depth, q, q + 1, pb, 0);
          } else {
            pb = packedB;
            pbOff = (q * k + p0) * nr;
          }
          int cRow = cOff + row0 * ldc + j;
          for (int i = 0, paOff = 0; i < rows; i += mr, paOff += depth * mr, cRow += mr * ldc) {
            kernel.multiply(depth, packedA, paOff, pb, pbOff, c, cRow, ldc,
                Math.min(mr, rows - i), cols, add, tile);
          }
        }
      }
    }
  }
}
