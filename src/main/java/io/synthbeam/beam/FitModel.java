package io.synthbeam.beam;

import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.TableSpec;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionTuple;
import org.apache.beam.sdk.values.PCollectionView;

/**
 * Records in, a fitted model out: fits the encoder (in parallel), encodes a deterministic training
 * sample (in parallel) and trains on one worker. Outputs tagged {@link TrainModel#BUNDLE} (one
 * element: the bundle's zip bytes) and {@link TrainModel#SUMMARY} (one element: the training
 * summary as JSON). A private fit ({@code CtganOptions.withDifferentialPrivacy}) fits the encoder
 * with its share of the budget and trains with DP-SGD; the summary records what was spent.
 */
final class FitModel extends PTransform<PCollection<GenericRecord>, PCollectionTuple> {
  private final TableSpec spec;
  private final ModelSettings settings;

  FitModel(TableSpec spec, ModelSettings settings) {
    this.spec = spec;
    this.settings = settings;
  }

  @Override
  public PCollectionTuple expand(PCollection<GenericRecord> records) {
    PCollectionView<TableEncoder> encoder = records
        .apply("FitEncoder", new FitEncoder(spec, settings.encoderFitter(spec)))
        .apply("EncoderView", View.asSingleton());
    return records
        .apply("TrainingSample", new TrainingSample(encoder, spec.inputSchema(),
            settings.seed(), settings.maxTrainingRows()))
        .apply("TrainModel", new TrainModel(encoder, settings.ctgan()));
  }
}
