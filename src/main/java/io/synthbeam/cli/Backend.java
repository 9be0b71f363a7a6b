package io.synthbeam.cli;

import java.io.IOException;

/**
 * Runs what the commands ask for. The real one, {@link BeamBackend}, builds and runs Beam
 * pipelines; tests pass a fake so the command wiring (options, checks, messages) is tested on its
 * own.
 */
interface Backend {
  Jobs.Fitted fit(Jobs.Fit job) throws IOException;

  Jobs.Written sample(Jobs.Sample job) throws IOException;

  Jobs.Synthesized synthesize(Jobs.Synthesize job) throws IOException;

  Jobs.Rebalanced rebalance(Jobs.Rebalance job) throws IOException;
}
