package io.synthbeam.beam;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import org.apache.beam.sdk.coders.AtomicCoder;
import org.apache.beam.sdk.coders.BigEndianLongCoder;
import org.apache.beam.sdk.coders.MapCoder;
import org.apache.beam.sdk.coders.StringUtf8Coder;
import org.apache.beam.sdk.coders.VarIntCoder;
import org.apache.beam.sdk.coders.VarLongCoder;

/**
 * Field-by-field coders of the sampling elements. Not Java serialization: that resolves classes
 * through whichever loader the runner's thread has, and on a Flink cluster that also has SynthBeam
 * on its classpath, a request could come back as another loader's class of the same name.
 */
final class SampleCoders {
  private static final MapCoder<String, String> CONDITIONS =
      MapCoder.of(StringUtf8Coder.of(), StringUtf8Coder.of());

  private SampleCoders() {}

  /** Codes {@link SampleRequest}s. */
  static final class RequestCoder extends AtomicCoder<SampleRequest> {
    private static final RequestCoder INSTANCE = new RequestCoder();

    static RequestCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SampleRequest request, OutputStream out) throws IOException {
      VarLongCoder.of().encode(request.rows(), out);
      BigEndianLongCoder.of().encode(request.seed(), out);
      CONDITIONS.encode(request.conditions(), out);
    }

    @Override
    public SampleRequest decode(InputStream in) throws IOException {
      long rows = VarLongCoder.of().decode(in);
      long seed = BigEndianLongCoder.of().decode(in);
      Map<String, String> conditions = CONDITIONS.decode(in);
      return new SampleRequest(rows, seed, conditions);
    }
  }

  /** Codes {@link SampleShard}s. */
  static final class ShardCoder extends AtomicCoder<SampleShard> {
    private static final ShardCoder INSTANCE = new ShardCoder();

    static ShardCoder of() {
      return INSTANCE;
    }

    @Override
    public void encode(SampleShard shard, OutputStream out) throws IOException {
      VarLongCoder.of().encode(shard.index(), out);
      VarIntCoder.of().encode(shard.rows(), out);
      BigEndianLongCoder.of().encode(shard.seed(), out);
      CONDITIONS.encode(shard.conditions(), out);
    }

    @Override
    public SampleShard decode(InputStream in) throws IOException {
      long index = VarLongCoder.of().decode(in);
      int rows = VarIntCoder.of().decode(in);
      long seed = BigEndianLongCoder.of().decode(in);
      return new SampleShard(index, rows, seed, CONDITIONS.decode(in));
    }
  }
}
