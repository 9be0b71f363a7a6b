package io.synthbeam.beam;

import java.io.IOException;
import org.apache.beam.sdk.coders.ByteArrayCoder;
import org.apache.beam.sdk.transforms.Create;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PBegin;
import org.apache.beam.sdk.values.PCollection;

/**
 * The bundle at a path, read when the pipeline runs (by a worker, through Beam's file systems),
 * rather than carried in the pipeline's graph: bundles of a few MB would bloat job submission.
 */
final class ReadBundle extends PTransform<PBegin, PCollection<byte[]>> {
  private final String path;

  ReadBundle(String path) {
    this.path = path;
  }

  @Override
  public PCollection<byte[]> expand(PBegin begin) {
    return begin.apply("Path", Create.of(path))
        .apply("Read", ParDo.of(new ReadFn()))
        .setCoder(ByteArrayCoder.of());
  }

  static final class ReadFn extends DoFn<String, byte[]> {
    @ProcessElement
    public void process(@Element String path, OutputReceiver<byte[]> out) throws IOException {
      out.output(BundleFiles.read(path));
    }
  }
}
