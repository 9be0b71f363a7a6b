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
 *   <li>a task walks k in blocks of at most {@link #KC_MAX}: for a transposed A it packs its rows
 *       of op(A) for the k-block (kept in L2); a row-major A is read in place, which measured
 *       8-15% faster than packing it (only a last partial row panel is packed). Then for each B
 *       panel (its k-block, {@code kc x nr}, stays in L1) it runs the micro-kernel down the rows.
 * </ol>
 *
 * <p>The k-blocks depend only on k, and the micro-kernel sums each element the same way wherever
 * it sits in a tile, so every element of C gets the same sequence of float operations however the
 * blocks are split or scheduled: results are identical for any thread count.
 */
final class GemmDriver {
  /** Largest k-block: a {@code kc x 16} B panel is 16 KB, half of L1. */
  static final int KC_MAX = 256;
  /** Rows of C per task: 120 rows of A, 256 deep, are 120 KB, well inside L2. */
  static final int MC_TARGET = 120;
  /** Scratch tile size that fits every kernel. */
  static final int MAX_TILE = 256;
  /** Below this many multiply-adds the pool's hand-off costs more than it saves. */
  static final long PARALLEL_MIN_MACS = 1L << 20;
  /** Row-block tasks per thread on several threads: slack for cores that other work slows. */
  static final int TASKS_PER_THREAD = 4;
  /** Fewest row panels in a task made by splitting rows for more parallelism. */
  static final int MIN_PANELS_PER_TASK = 4;

  private GemmDriver() {}

  /**
   * C = (accumulate ? C : 0) + op(A) op(B) for m, n, k &gt;= 1, split for {@code threads} threads
   * (the caller decides whether a product is worth splitting).
   */
  static void multiply(GemmMicroKernel kernel, int threads, boolean transA, boolean transB,
      int m, int n, int k, float[] a, int aOff, int lda, float[] b, int bOff, int ldb,
      boolean accumulate, float[] c, int cOff, int ldc) {
    Call call = GemmWorkspace.current().call;
    call.set(kernel, transA, transB, m, n, k, a, aOff, lda, b, bOff, ldb, accumulate, c, cOff, ldc);
    boolean parallel = threads > 1;
    try {
      call.plan(parallel ? threads : 1);
      if (parallel) {
        Parallelism.parallelFor(call.packTasks, call.packTask);
        Parallelism.parallelFor(call.rowBlocks * call.colBlocks, call.blockTask);
      } else {
        for (int t = 0; t < call.packTasks; t++) {
          call.packTask.accept(t);
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
    final IntConsumer packTask = this::packShared;
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
    private int kBlocks;
    private int mPadded;
    private int nPanels;
    private int packTasks;
    private int rowBlocks;
    private int rowsPerBlock;
    private int colBlocks;
    /** Each task packs its own B panels (C has one row block). */
    private boolean packBInTasks;
    /** Full row panels of A are read from its row-major storage, not packed. */
    private boolean readAInPlace;
    /** A is packed once for all tasks (one row block cut into several column blocks). */
    private boolean shareA;
    private float[] packedB;
    private float[] sharedA;

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

    /**
     * Splits C into tasks: row blocks of at most {@link #MC_TARGET} rows; on several threads,
     * smaller row blocks (not under {@link #MIN_PANELS_PER_TASK} panels) until there are
     * {@link #TASKS_PER_THREAD} tasks per thread. Too few rows for that (the critic's 50 packs):
     * one column block per thread (even to one panel), since each one reads its rows of A again;
     * with 2 threads on 50x256x2740 that used 8% more CPU than one thread, 4 blocks per thread
     * used 15-20% more.
     */
    void plan(int threads) {
      int mr = kernel.mr();
      int nr = kernel.nr();
      kBlocks = ceilDiv(k, KC_MAX);
      kc = ceilDiv(k, kBlocks);
      kBlocks = ceilDiv(k, kc);
      nPanels = ceilDiv(n, nr);
      int mPanels = ceilDiv(m, mr);
      mPadded = mPanels * mr;
      int wanted = threads == 1 ? 1 : TASKS_PER_THREAD * threads;
      rowBlocks = ceilDiv(mPanels, Math.max(1, MC_TARGET / mr));
      if (rowBlocks < wanted && mPanels >= wanted * MIN_PANELS_PER_TASK) {
        rowBlocks = wanted;
      }
      rowsPerBlock = ceilDiv(mPanels, rowBlocks) * mr;
      rowBlocks = ceilDiv(m, rowsPerBlock);
      // Every column block reads all its rows of A again (from L3), so make just enough of them.
      colBlocks = rowBlocks < threads ? Math.min(nPanels, ceilDiv(threads, rowBlocks)) : 1;
      // With a single row block every B panel is used by one task only: pack it there, in L1;
      // if that row block is cut into column blocks, a transposed A (which must be packed) is
      // packed once for them all.
      GemmWorkspace ws = GemmWorkspace.current();
      packBInTasks = rowBlocks == 1;
      readAInPlace = !transA;
      shareA = packBInTasks && colBlocks > 1 && !readAInPlace;
      packedB = packBInTasks ? null : ws.packedB((long) nPanels * k * nr);
      sharedA = shareA ? ws.sharedA((long) mPadded * k) : null;
      int sharedPieces = shareA ? kBlocks : packBInTasks ? 0 : nPanels;
      packTasks = Math.min(threads, sharedPieces);
    }

    void clear() {
      a = null;
      b = null;
      c = null;
      packedB = null;
      sharedA = null;
    }

    /** Packs a share of the operand all tasks read: B's panels, or A's k-blocks. */
    private void packShared(int task) {
      if (shareA) {
        int per = ceilDiv(kBlocks, packTasks);
        for (int kb = task * per; kb < Math.min(kBlocks, (task + 1) * per); kb++) {
          int p0 = kb * kc;
          GemmPacking.packA(transA, a, aOff, lda, 0, m, p0, Math.min(kc, k - p0), kernel.mr(),
              sharedA, p0 * mPadded);
        }
      } else {
        int per = ceilDiv(nPanels, packTasks);
        int q0 = task * per;
        int q1 = Math.min(nPanels, q0 + per);
        int nr = kernel.nr();
        GemmPacking.packB(transB, b, bOff, ldb, n, nr, 0, k, q0, q1, packedB, q0 * k * nr);
      }
    }

    private void computeBlock(int task) {
      int mr = kernel.mr();
      int nr = kernel.nr();
      int row0 = (task / colBlocks) * rowsPerBlock;
      int rows = Math.min(rowsPerBlock, m - row0);
      int colBlock = task % colBlocks;
      int q0 = (int) ((long) colBlock * nPanels / colBlocks);
      int q1 = (int) ((long) (colBlock + 1) * nPanels / colBlocks);
      GemmWorkspace ws = GemmWorkspace.current();
      // Whole row panels of a row-major A are read in place; only the edge panel is packed.
      int inPlace = readAInPlace ? rows - rows % mr : 0;
      float[] packedA = shareA ? sharedA : ws.packedA((long) ceilDiv(rows - inPlace, mr) * mr * kc);
      float[] tile = ws.tile();
      for (int p0 = 0; p0 < k; p0 += kc) {
        int depth = Math.min(kc, k - p0);
        int paBase = 0;
        if (shareA) {
          paBase = p0 * mPadded;
        } else if (inPlace < rows) {
          GemmPacking.packA(transA, a, aOff, lda, row0 + inPlace, rows - inPlace, p0, depth, mr,
              packedA, 0);
        }
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
          int i = 0;
          for (; i < inPlace; i += mr) {
            kernel.multiplyRowMajorA(depth, a, aOff + (row0 + i) * lda + p0, lda, pb, pbOff,
                c, cRow, ldc, cols, add, tile);
            cRow += mr * ldc;
          }
          int paOff = paBase;
          for (; i < rows; i += mr) {
            kernel.multiply(depth, packedA, paOff, pb, pbOff, c, cRow, ldc,
                Math.min(mr, rows - i), cols, add, tile);
            paOff += depth * mr;
            cRow += mr * ldc;
          }
        }
      }
    }
  }
}
