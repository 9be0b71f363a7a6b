package io.synthbeam.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthbeam.beam.FitTableModel;
import io.synthbeam.beam.RebalanceTable;
import io.synthbeam.beam.SampleTable;
import io.synthbeam.beam.SynthesizeTable;
import io.synthbeam.beam.io.TableIO;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.TrainingSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.PipelineResult;
import org.apache.beam.sdk.io.TextIO;

/**
 * Runs each command as a Beam pipeline of SynthBeam's transforms. Paths are made absolute: a Flink
 * cluster's workers resolve relative paths against their own working folder.
 */
final class BeamBackend implements Backend {
  private static final ObjectMapper JSON = new ObjectMapper();

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

  /**
   * Everything goes to a staging folder first; the table is moved to the output only when it
   * passed its gates (or to the quarantine path when it failed and one is given).
   */
  @Override
  public Jobs.Synthesized synthesize(Jobs.Synthesize job) throws IOException {
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
    Jobs.Validation validation = job.validation();
    try (StagingFolder staging = StagingFolder.nextTo(job.output())) {
      Path table = staging.table("synthetic", job.output());
      Path quarantined = staging.table("quarantined", job.output());
      Path summary = staging.file("training.json");
      Path json = staging.file("report.json");
      Path html = staging.file("report.html");
      Pipeline pipeline = Pipeline.create(job.pipeline());
      if (validation != null) {
        // Quarantine in the pipeline either way: the command decides what to keep.
        synthesize = synthesize.withValidation(pipeline.apply("ReadHoldout",
            validation.holdout()), validation.target()).withGates(validation.gates());
        synthesize = validation.gates().any() ? synthesize.withQuarantine() : synthesize;
      }
      SynthesizeTable.Result result = pipeline.apply("ReadTable", job.input())
          .apply("SynthesizeTable", synthesize.withResult());
      result.getSynthetic().apply("WriteTable", TableIO.write(table.toString()));
      result.getFitStatistics().apply("WriteSummary", text(summary));
      if (validation != null) {
        result.getQuarantined().apply("WriteQuarantined", TableIO.write(quarantined.toString()));
        result.getReportJson().apply("WriteJsonReport", text(json));
        result.getReportHtml().apply("WriteHtmlReport", text(html));
      }
      PipelineResult run = PipelineRuns.run(pipeline);
      long rows = PipelineRuns.counters(run, SynthesizeTable.METRICS)
          .getOrDefault(SynthesizeTable.SYNTHETIC_ROWS, 0L);
      Jobs.Verdict verdict = validation == null ? null : verdict(Files.readString(json));
      if (verdict == null || verdict.passed()) {
        staging.moveTo(table, job.output());
      } else if (validation.quarantine() != null) {
        staging.moveTo(quarantined, validation.quarantine());
      }
      if (validation != null && validation.json() != null) {
        staging.moveTo(json, validation.json());
      }
      if (validation != null && validation.report() != null) {
        staging.moveTo(html, validation.report());
      }
      return new Jobs.Synthesized(rows, JSON.readValue(summary.toFile(), TrainingSummary.class),
          verdict);
    }
  }

  /** One string per file (each PCollection here holds one). */
  private static TextIO.Write text(Path path) {
    return TextIO.write().to(path.toString()).withoutSharding();
  }

  private static Jobs.Verdict verdict(String reportJson) throws IOException {
    JsonNode report = JSON.readTree(reportJson);
    List<String> failures = new ArrayList<>();
    report.path("gates").path("checks").forEach(check -> {
      if (!check.path("passed").asBoolean()) {
        failures.add(check.path("message").asText());
      }
    });
    return new Jobs.Verdict(report.path("gates").path("passed").asBoolean(false),
        report.path("verdict").asText(), String.join("; ", failures));
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
    // A private fit's guarantee is read from the bundle: saved where asked, else next to the
    // output for the time of the run.
    boolean keepModel = job.model() != null;
    boolean privateFit = job.options().ctgan().differentialPrivacy() != null;
    Path model = keepModel ? job.model() : privateFit ? job.output().toAbsolutePath()
        .resolveSibling("." + job.output().getFileName() + ".model-" + UUID.randomUUID()
            + ".zip") : null;
    if (model != null) {
      rebalance = rebalance.withModelSavedTo(absolute(model));
    }
    Pipeline pipeline = Pipeline.create(job.pipeline());
    pipeline.apply("ReadTable", job.input())
        .apply("RebalanceTable", rebalance)
        .apply("WriteTable", TableIO.write(absolute(job.output())));
    PipelineResult result;
    TrainingSummary summary;
    try {
      result = PipelineRuns.run(pipeline);
      summary = model == null ? null : ModelBundle.load(model).summary();
    } finally {
      if (!keepModel && model != null) {
        Files.deleteIfExists(model);
      }
    }
    Map<String, Long> real = new LinkedHashMap<>();
    Map<String, Long> added = new LinkedHashMap<>();
    PipelineRuns.counters(result, RebalanceTable.METRICS).forEach((name, count) -> {
      if (name.startsWith("real:")) {
        real.put(name.substring(5), count);
      } else if (name.startsWith("added:")) {
        added.put(name.substring(6), count);
      }
    });
    return new Jobs.Rebalanced(real, added, summary);
  }

  private static String absolute(Path path) {
    return path.toAbsolutePath().toString();
  }
}
