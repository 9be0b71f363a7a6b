package io.synthbeam.beam;

import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.coders.KvCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarLongCoder;
import org.apache.beam.sdk.transforms.Count;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.transforms.View;
import org.apache.beam.sdk.values.PCollection;
import org.apache.beam.sdk.values.PCollectionView;

/** The rows per class of a label column, as a map view (class text to count). */
final class ClassCounts
    extends PTransform<PCollection<GenericRecord>, PCollectionView<Map<String, Long>>> {
  /** The text of a null label: how it is counted, printed and given as a condition. */
  static final String NULL_CLASS = "null";

  private final String label;

  ClassCounts(String label) {
    this.label = label;
  }

  /** A label value as text: its string form, {@value #NULL_CLASS} for null. */
  static String text(Object value) {
    return value == null ? NULL_CLASS : value.toString();
  }

  @Override
  public PCollectionView<Map<String, Long>> expand(PCollection<GenericRecord> records) {
    return records
        .apply("Label", ParDo.of(new LabelFn(label)))
        .setCoder(StringUtf8Coder.of())
        .apply("Count", Count.perElement())
        .setCoder(KvCoder.of(StringUtf8Coder.of(), VarLongCoder.of()))
        .apply("AsMap", View.asMap());
  }

  static final class LabelFn extends DoFn<GenericRecord, String> {
    private final String label;

    LabelFn(String label) {
      this.label = label;
    }

    @ProcessElement
    public void process(@Element GenericRecord record, OutputReceiver<String> out) {
      out.output(text(record.get(label)));
    }
  }
}
