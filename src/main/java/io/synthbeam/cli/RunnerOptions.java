package io.synthbeam.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.beam.runners.direct.DirectOptions;
import org.apache.beam.runners.direct.DirectRunner;
import org.apache.beam.runners.flink.FlinkPipelineOptions;
import org.apache.beam.runners.flink.FlinkRunner;
import org.apache.beam.sdk.options.PipelineOptions;
import org.apache.beam.sdk.options.PipelineOptionsFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code --runner}, {@code --flink-master}, {@code --parallelism}: where the pipeline runs. */
final class RunnerOptions {
  static final String DIRECT = "DirectRunner";
  static final String FLINK = "FlinkRunner";
  /** Flink's master value for an embedded cluster in this JVM. */
  static final String LOCAL_FLINK = "[local]";

  @Option(names = "--runner", paramLabel = "DirectRunner|FlinkRunner",
      description = "Beam runner: DirectRunner (in this process) or FlinkRunner. "
          + "Default: ${DEFAULT-VALUE}.")
  String runner = DIRECT;

  @Option(names = "--flink-master", paramLabel = "HOST:PORT",
      description = "With FlinkRunner: the REST address of a Flink cluster (e.g. localhost:8081, "
          + "see scripts/flink-cluster.sh), or [local] for a cluster embedded in this process. "
          + "Default: ${DEFAULT-VALUE}.")
  String flinkMaster = LOCAL_FLINK;

  /** The parallelism when {@code --parallelism} is not given (see {@link #workers}). */
  static final int DEFAULT_PARALLELISM = 2;

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Parallel workers: Flink's parallelism (task slots used), or the "
          + "DirectRunner's threads. Default: 2; 1 on the DirectRunner for a command that "
          + "trains a model (the training spreads over --threads itself).")
  Integer parallelism;

  /** @throws ParameterException for an unknown runner, a Flink master without Flink, ... */
  void check(CommandLine cmd) {
    if (parallelism != null) {
      new OptionChecks(cmd).atLeast("--parallelism", parallelism, 1);
    }
    if (!runnerName(cmd).equals(FLINK) && !flinkMaster.equals(LOCAL_FLINK)) {
      throw new ParameterException(cmd, "--flink-master is for --runner FlinkRunner");
    }
  }

  /** What a pipeline does, which decides the DirectRunner's default thread count. */
  enum Work {
    /** Reads, encodes or samples: record-parallel work. */
    RECORDS,
    /** Trains a model: one long element whose training uses {@code --threads} threads. */
    TRAINING
  }

  /**
   * The parallelism to use: {@code --parallelism} when given; otherwise 2, except one
   * DirectRunner thread for training. The DirectRunner's driver polls for finished work in a
   * loop on one of its own threads and so keeps a core busy for as long as any work runs; with
   * one thread it runs only between bundles. A fit of Adult measured 2.3 s/epoch with 2 threads
   * (a third of the CPU samples in the driver) and 1.7 s/epoch with 1, the same model.
   */
  int workers(CommandLine cmd, Work work) {
    if (parallelism != null) {
      return parallelism;
    }
    return work == Work.TRAINING && runnerName(cmd).equals(DIRECT) ? 1 : DEFAULT_PARALLELISM;
  }

  /** The Beam options of a pipeline doing {@code work}. */
  PipelineOptions toPipelineOptions(CommandLine cmd, String jobName, Work work) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setJobName(jobName);
    if (runnerName(cmd).equals(FLINK)) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      flink.setRunner(FlinkRunner.class);
      flink.setFlinkMaster(flinkMaster);
      flink.setParallelism(workers(cmd, work));
      // No defensive copies between chained operators: SynthBeam's DoFns never modify their
      // inputs (the DirectRunner's immutability checks in the tests would catch it).
      flink.setFasterCopy(true);
      if (!flinkMaster.startsWith("[")) {
        // A remote cluster gets SynthBeam's own jar only; its dependencies are the cluster's.
        flink.setFilesToStage(List.of(synthBeamCode().toString()));
      }
    } else {
      DirectOptions direct = options.as(DirectOptions.class);
      direct.setRunner(DirectRunner.class);
      direct.setTargetParallelism(workers(cmd, work));
      // Checks for DoFns that mutate their input cost a copy of every element; SynthBeam's tests
      // run with them on.
      direct.setEnforceImmutability(false);
      direct.setEnforceEncodability(false);
    }
    return options;
  }

  /** The runner's canonical name; case and a missing "Runner" suffix are forgiven. */
  private String runnerName(CommandLine cmd) {
    String name = runner.strip().toLowerCase(Locale.ROOT);
    return switch (name) {
      case "directrunner", "direct" -> DIRECT;
      case "flinkrunner", "flink" -> FLINK;
      default -> throw new ParameterException(cmd, "--runner must be DirectRunner or "
          + "FlinkRunner, not '" + runner + "'");
    };
  }

  /** The jar (or classes folder) SynthBeam's classes were loaded from. */
  static Path synthBeamCode() {
    try {
      return Path.of(SynthBeamCli.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toAbsolutePath();
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      throw new IllegalStateException("cannot find SynthBeam's jar to send to the Flink cluster: "
          + e, e);
    }
  }
}
