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

  @Option(names = "--parallelism", paramLabel = "N",
      description = "Parallel workers: Flink's parallelism (task slots used), or the "
          + "DirectRunner's threads. Default: ${DEFAULT-VALUE}.")
  int parallelism = 2;

  /** @throws ParameterException for an unknown runner, a Flink master without Flink, ... */
  void check(CommandLine cmd) {
    new OptionChecks(cmd).atLeast("--parallelism", parallelism, 1);
    if (!runnerName(cmd).equals(FLINK) && !flinkMaster.equals(LOCAL_FLINK)) {
      throw new ParameterException(cmd, "--flink-master is for --runner FlinkRunner");
    }
  }

  /** The Beam options of the pipeline. */
  PipelineOptions toPipelineOptions(CommandLine cmd, String jobName) {
    PipelineOptions options = PipelineOptionsFactory.create();
    options.setJobName(jobName);
    if (runnerName(cmd).equals(FLINK)) {
      FlinkPipelineOptions flink = options.as(FlinkPipelineOptions.class);
      flink.setRunner(FlinkRunner.class);
      flink.setFlinkMaster(flinkMaster);
      flink.setParallelism(parallelism);
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
      direct.setTargetParallelism(parallelism);
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
