package io.synthbeam.cli;

import io.synthbeam.onnx.ExecutionDevice;
import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.TrainingListener;
import io.synthbeam.io.Table;
import io.synthbeam.table.EncodingOptions;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * What the commands need from the model code: train, save, and sample a saved model. The real one
 * is {@link CtganBackend}; tests pass a fake so the command wiring is tested on its own.
 */
interface ModelBackend {

  CtganModel fit(Schema schema, List<GenericRecord> records, CtganOptions options,
      EncodingOptions encoding, TrainingListener listener);

  void save(CtganModel model, Path path) throws IOException;

  /**
   * Loads the model at {@code path} and samples {@code rows} rows of its output schema, running
   * the generator through ONNX Runtime on {@code device}.
   */
  Table sample(Path path, int rows, long seed, ExecutionDevice device) throws IOException;
}
