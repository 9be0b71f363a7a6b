package io.synthbeam.gan.ctgan;

import io.synthbeam.table.TableEncoder;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * A fitted conditional tabular GAN: the table encoder and the generator.
 *
 * <p>SKELETON: signatures agreed; the trainer work writes the bodies.
 */
public final class CtganModel {

  public TableEncoder encoder() {
    throw new UnsupportedOperationException("TODO");
  }

  /**
   * Samples {@code rows} synthetic records of the output schema. The rows depend only on the
   * model, {@code seed} and {@code conditions}.
   *
   * @param conditions categorical column name to value text ({@code stroke=1}); every returned row
   *     has these values; empty for the training distribution
   */
  public List<GenericRecord> sample(int rows, long seed, Map<String, String> conditions) {
    throw new UnsupportedOperationException("TODO");
  }
}
