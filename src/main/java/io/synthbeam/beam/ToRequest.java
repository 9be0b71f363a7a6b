package io.synthbeam.beam;

import java.util.Map;
import java.util.TreeMap;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** A row count in, one sample request for that many rows (one seed, one set of conditions) out. */
final class ToRequest extends PTransform<PCollection<Long>, PCollection<SampleRequest>> {
  private final long seed;
  private final TreeMap<String, String> conditions;

  ToRequest(long seed, Map<String, String> conditions) {
    this.seed = seed;
    this.conditions = new TreeMap<>(conditions);
  }

  @Override
  public PCollection<SampleRequest> expand(PCollection<Long> rows) {
    return rows.apply("Request", ParDo.of(new RequestFn(seed, conditions)))
        .setCoder(SampleCoders.RequestCoder.of());
  }

  static final class RequestFn extends DoFn<Long, SampleRequest> {
    private final long seed;
    private final TreeMap<String, String> conditions;

    RequestFn(long seed, TreeMap<String, String> conditions) {
      this.seed = seed;
      this.conditions = conditions;
    }

    @ProcessElement
    public void process(@Element Long rows, OutputReceiver<SampleRequest> out) {
      out.output(new SampleRequest(rows, seed, conditions));
    }
  }
}
