package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.TrainingSummary;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Records the jobs the commands build, logs the progress lines a pipeline would, and answers
 * without running anything, so the command wiring is tested without Beam or the trainer.
 */
final class FakeBackend implements Backend {
  private static final Logger PROGRESS = Logger.getLogger("io.synthbeam.beam.TrainModel");

  Jobs.Fit fitJob;
  Jobs.Sample sampleJob;
  Jobs.Synthesize synthesizeJob;
  Jobs.Rebalance rebalanceJob;
  final List<String> progressLines = new ArrayList<>();
  Exception failure;
  long tableRows = 3;
  Jobs.Rebalanced rebalanced = new Jobs.Rebalanced(Map.of("ok", 1900L, "fraud", 100L),
      Map.of("fraud", 714L, "ok", 0L));

  @Override
  public Jobs.Fitted fit(Jobs.Fit job) throws IOException {
    fitJob = job;
    work();
    return new Jobs.Fitted(new TrainingSummary(job.options().ctgan().seed(),
        job.options().ctgan().epochs(), job.options().ctgan().batchSize(), tableRows, tableRows,
        1, "", List.of(), List.of(), List.of(), 0.1, "test", null));
  }

  @Override
  public Jobs.Written sample(Jobs.Sample job) throws IOException {
    sampleJob = job;
    work();
    return new Jobs.Written(job.rows());
  }

  @Override
  public Jobs.Written synthesize(Jobs.Synthesize job) throws IOException {
    synthesizeJob = job;
    work();
    return new Jobs.Written(job.rows() == null ? tableRows : job.rows());
  }

  @Override
  public Jobs.Rebalanced rebalance(Jobs.Rebalance job) throws IOException {
    rebalanceJob = job;
    work();
    return rebalanced;
  }

  private void work() throws IOException {
    progressLines.forEach(PROGRESS::info);
    if (failure instanceof IOException io) {
      throw io;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
  }
}
