package io.synthbeam.gan.ctgan;

import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.EncodedTable;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Trains a {@link CtganModel}.
 *
 * <p>SKELETON: signatures agreed; the trainer work writes the bodies.
 */
public final class CtganTrainer {
  private final CtganOptions options;

  public CtganTrainer(CtganOptions options) {
    this.options = options;
  }

  /** Fits the encoder on the records, encodes them and trains the GAN. */
  public CtganModel fit(Schema schema, List<? extends GenericRecord> records,
      EncodingOptions encoding, TrainingListener listener) {
    throw new UnsupportedOperationException("TODO");
  }

  /** Trains the GAN on rows already encoded by {@code encoder} (the Beam path). */
  public CtganModel fit(TableEncoder encoder, EncodedTable rows, TrainingListener listener) {
    throw new UnsupportedOperationException("TODO");
  }
}
