package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.EpochStats;
import io.synthbeam.gan.ctgan.TrainingListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints one line per training epoch:
 * {@code epoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s}.
 */
final class ProgressPrinter implements TrainingListener {
  private final PrintWriter out;

  ProgressPrinter(PrintWriter out) {
    this.out = out;
  }

  @Override
  public void onEpoch(EpochStats stats) {
    out.println(line(stats));
    out.flush();
  }

  static String line(EpochStats s) {
    return String.format(Locale.ROOT, "epoch %d/%d  critic %.2f  generator %.2f  %.1f s/epoch"
        + "  ETA %s", s.epoch(), s.epochs(), s.criticLoss(), s.generatorLoss(), s.seconds(),
        Durations.format(s.etaSeconds()));
  }
}
