package io.synthbeam.cli;

import io.synthbeam.beam.FitTableModel;
import io.synthbeam.beam.RebalanceTable;
import io.synthbeam.beam.SampleTable;
import io.synthbeam.beam.SynthesizeTable;
import io.synthbeam.beam.io.TableIO;
import io.synthbeam.bundle.ModelBundle;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;

/**
 * Runs each command as a Beam pipeline of SynthBeam's transforms. Paths are made absolute: a Flink
 * cluster's workers resolve relative paths against their own working folder.
 */
final class BeamBackend implements Backend {

  @Override
  public Jobs.Fitted fit(Jobs.Fit job) throws IOException {
    Pipeline pipeline = Pipeline.create(job.pipeline());
    pipeline.apply("ReadTable", job.input())
        .apply("FitTableModel", FitTableModel.to(absolute(job.model()))
            .withCtganOptions(job.options().ctgan())
            .withEncodingOptions(job.options().encoding())
            .withMaxTrainingRows(job.options().maxTrainingRows()));
    PipelineRuns.run(pipeline);
    return new Jobs.Fitted(ModelBundle.load(job.model()).summary());
  }

  @Override
  public Jobs.Written sample(Jobs.Sample job) throws IOException {
    SampleTable sample = SampleTable.from(absolute(job.model()))
        .withRows(job.rows()).withSeed(job.seed()).withDevice(job.device());
    sample = sample.withConditions(ColumnNames.toFieldNames(sample.getSchema(),
        job.conditions()));
    Pipeline pipeline = Pipeline.create(job.pipeline());
    pipeline.apply("SampleTable", sample)
        .apply("WriteTable", TableIO.write(absolute(job.output())));
    PipelineRuns.run(pipeline);
    return new Jobs.Written(job.rows());
  }

  @Override
  public Jobs.Written synthesize(Jobs.Synthesize job) throws IOException {
    SynthesizeTable synthesize = SynthesizeTable.create()
        .withCtganOptions(job.options().ctgan())
        .withEncodingOptions(job.options().encoding())
        .withMaxTrainingRows(job.options().maxTrainingRows())
        .withConditions(ColumnNames.toFieldNames(job.input().getSchema(), job.conditions()))
        .withDevice(job.device());
    if (job.rows() != null) {
      synthesize = synthesize.withRows(job.rows());
    }
    if (job.model() != null) {
      synthesize = synthesize.withModelSavedTo(absolute(job.model()));
    }
    Pipeline pipeline = Pipeline.create(job.pipeline());
    pipeline.apply("ReadTable", job.input())
        .apply("SynthesizeTable", synthesize)
        .apply("WriteTable", TableIO.write(absolute(job.output())));
    PipelineResult result = PipelineRuns.run(pipeline);
    return new Jobs.Written(PipelineRuns.counters(result, SynthesizeTable.METRICS)
        .getOrDefault(SynthesizeTable.SYNTHETIC_ROWS, 0L));
  }

  @Override
  public Jobs.Rebalanced rebalance(Jobs.Rebalance job) throws IOException {
    RebalanceTable rebalance = RebalanceTable.of(job.label())
        .withCtganOptions(job.options().ctgan())
        .withEncodingOptions(job.options().encoding())
        .withMaxTrainingRows(job.options().maxTrainingRows())
        .withDevice(job.device());
    for (Map.Entry<String, Double> share : job.shares().entrySet()) {
      rebalance = rebalance.withShare(share.getKey(), share.getValue());
    }
    if (job.balanced()) {
      rebalance = rebalance.balanced();
    }
    if (job.model() != null) {
      rebalance = rebalance.withModelSavedTo(absolute(job.model()));
    }
    Pipeline pipeline = Pipeline.create(job.pipeline());
    pipeline.apply("ReadTable", job.input())
        .apply("RebalanceTable", rebalance)
        .apply("WriteTable", TableIO.write(absolute(job.output())));
    PipelineResult result = PipelineRuns.run(pipeline);
    Map<String, Long> real = new LinkedHashMap<>();
    Map<String, Long> added = new LinkedHashMap<>();
    PipelineRuns.counters(result, RebalanceTable.METRICS).forEach((name, count) -> {
      if (name.startsWith("real:")) {
        real.put(name.substring(5), count);
      } else if (name.startsWith("added:")) {
        added.put(name.substring(6), count);
      }
    });
    return new Jobs.Rebalanced(real, added);
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().toString();
  }
}
