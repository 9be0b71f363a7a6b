package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.PrivacyAccount;
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
      Map.of("fraud", 714L, "ok", 0L), null);
  /** The verdict synthesize answers with when validation is asked for. */
  Jobs.Verdict verdict = new Jobs.Verdict(true, "PASS: utility 0.97 of real", "");
  /** The privacy guarantee the fits answer with when it is asked for. */
  PrivacyAccount privacy;

  @Override
  public Jobs.Fitted fit(Jobs.Fit job) throws IOException {
    fitJob = job;
    work();
    return new Jobs.Fitted(summary(job.options()));
  }

  private TrainingSummary summary(Jobs.Model options) {
    return new TrainingSummary(options.ctgan().seed(), options.ctgan().epochs(),
        options.ctgan().batchSize(), tableRows, tableRows, 1, "", List.of(), List.of(), List.of(),
        0.1, "test", options.ctgan().differentialPrivacy() == null ? null : privacy);
  }

  @Override
  public Jobs.Written sample(Jobs.Sample job) throws IOException {
    sampleJob = job;
    work();
    return new Jobs.Written(job.rows());
  }

  @Override
  public Jobs.Synthesized synthesize(Jobs.Synthesize job) throws IOException {
    synthesizeJob = job;
    work();
    return new Jobs.Synthesized(job.rows() == null ? tableRows : job.rows(),
        summary(job.options()), job.validation() == null ? null : verdict);
  }

  @Override
  public Jobs.Rebalanced rebalance(Jobs.Rebalance job) throws IOException {
    rebalanceJob = job;
    work();
    return new Jobs.Rebalanced(rebalanced.real(), rebalanced.added(), summary(job.options()));
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
