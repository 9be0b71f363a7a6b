package io.synthbeam.beam;

import java.io.IOException;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.transforms.DoFn;
import org.apache.beam.sdk.transforms.PTransform;
import org.apache.beam.sdk.transforms.ParDo;
import org.apache.beam.sdk.values.PCollection;

/** Writes the (single) bundle to a path, atomically; outputs the path once written. */
final class WriteBundle extends PTransform<PCollection<byte[]>, PCollection<String>> {
  private final String path;

  WriteBundle(String path) {
    this.path = path;
  }

  @Override
  public PCollection<String> expand(PCollection<byte[]> bundle) {
    return bundle.apply("Write", ParDo.of(new WriteFn(path))).setCoder(StringUtf8Coder.of());
  }

  static final class WriteFn extends DoFn<byte[], String> {
    private final String path;

    WriteFn(String path) {
      this.path = path;
    }

    @ProcessElement
    public void process(@Element byte[] bundle, OutputReceiver<String> out) throws IOException {
      BundleFiles.write(path, bundle);
      out.output(path);
    }
  }
}
