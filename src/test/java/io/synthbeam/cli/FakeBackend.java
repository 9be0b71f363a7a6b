package io.synthbeam.cli;

import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.EpochStats;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.io.Table;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Records what the commands pass to the model code. Its "model" is null and its saved bundle a
 * text file, so the command wiring is tested without the trainer.
 */
final class FakeBackend implements ModelBackend {
  Schema fitSchema;
  List<GenericRecord> fitRecords;
  CtganOptions fitOptions;
  EncodingOptions fitEncoding;
  final List<EpochStats> epochsToReport = new ArrayList<>();
  RuntimeException fitFailure;
  Path savedTo;

  Path sampledModel;
  int sampledRows;
  long sampledSeed;
  Table sampleResult;
  IOException sampleFailure;

  @Override
  public CtganModel fit(Schema schema, List<GenericRecord> records, CtganOptions options,
      EncodingOptions encoding, TrainingListener listener) {
    fitSchema = schema;
    fitRecords = records;
    fitOptions = options;
    fitEncoding = encoding;
    epochsToReport.forEach(listener::onEpoch);
    if (fitFailure != null) {
      throw fitFailure;
    }
    return null;
  }

  @Override
  public void save(CtganModel model, Path path) throws IOException {
    savedTo = path;
    Files.writeString(path, "fake model");
  }

  @Override
  public Table sample(Path path, int rows, long seed, io.synthbeam.onnx.ExecutionDevice device)
      throws IOException {
    sampledModel = path;
    sampledRows = rows;
    sampledSeed = seed;
    if (sampleFailure != null) {
      throw sampleFailure;
    }
    return sampleResult;
  }
}
