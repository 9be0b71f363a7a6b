package io.synthbeam.cli;

import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.io.Table;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/** The real backend: {@link CtganTrainer} and {@link ModelBundle}. */
final class CtganBackend implements ModelBackend {

  @Override
  public CtganModel fit(Schema schema, List<GenericRecord> records, CtganOptions options,
      EncodingOptions encoding, TrainingListener listener) {
    return new CtganTrainer(options).fit(schema, records, encoding, listener);
  }

  @Override
  public void save(CtganModel model, Path path) throws IOException {
    ModelBundle.save(model, path);
  }

  @Override
  public Table sample(Path path, int rows, long seed, ExecutionDevice device) throws IOException {
    try (ModelBundle.OnnxBackedModel onnx = ModelBundle.loadWithOnnx(path, device)) {
      CtganModel model = onnx.model();
      Schema schema = model.encoder().spec().outputSchema();
      return new Table(schema, model.sample(rows, seed, Map.of()));
    }
  }
}
