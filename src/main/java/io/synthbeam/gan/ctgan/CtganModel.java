package io.synthbeam.gan.ctgan;

import io.synthbeam.nn.Rng;
import io.synthbeam.table.DiscreteColumn;
import io.synthbeam.table.TableEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * A fitted conditional tabular GAN: the table encoder, the (BatchNorm-folded) generator and what
 * the fit did. Immutable and thread-safe.
 *
 * <pre>{@code
 * CtganModel model = new CtganTrainer(CtganOptions.defaults()).fit(schema, records,
 *     EncodingOptions.defaults(), TrainingListener.NONE);
 * List<GenericRecord> rows = model.sample(10_000, 42L, Map.of());
 * List<GenericRecord> strokes = model.sample(500, 42L, Map.of("stroke", "1"));
 * }</pre>
 */
public final class CtganModel {
  /** Rows generated per forward pass; part of what fixes the rows a seed gives. */
  static final int SAMPLE_BATCH = 1024;
  /** Conditional sampling gives up when so few generated rows match the condition. */
  private static final double MIN_ACCEPTANCE = 1e-4;

  private final TableEncoder encoder;
  private final FoldedGenerator generator;
  private final int noiseWidth;
  private final TrainingSummary summary;
  private final ConditionSampler conditions;
  private final OutputHeads heads;
  private final GeneratorForward forward;

  /**
   * Computes the generator's raw outputs (rows x width) for input rows (noise then condition);
   * must be thread-safe. The Java {@link FoldedGenerator} by default; ONNX Runtime when plugged in
   * with {@link #withForward}.
   */
  @FunctionalInterface
  public interface GeneratorForward {
    float[] forward(float[] input, int rows);
  }

  public CtganModel(TableEncoder encoder, FoldedGenerator generator, int noiseWidth,
      TrainingSummary summary) {
    this(encoder, generator, noiseWidth, summary, generator::forward);
  }

  private CtganModel(TableEncoder encoder, FoldedGenerator generator, int noiseWidth,
      TrainingSummary summary, GeneratorForward forward) {
    this.encoder = encoder;
    this.generator = generator;
    this.noiseWidth = noiseWidth;
    this.summary = summary;
    this.forward = forward;
    this.conditions = new ConditionSampler(encoder.discreteColumns(), encoder.conditionWidth(),
        null, true);
    this.heads = new OutputHeads(encoder.outputSpans(), 1f);
    if (generator.inputWidth() != noiseWidth + encoder.conditionWidth()
        || generator.outputWidth() != encoder.width()) {
      throw new IllegalArgumentException("generator shape " + generator.inputWidth() + " -> "
          + generator.outputWidth() + " does not fit the encoder (noise " + noiseWidth
          + " + condition " + encoder.conditionWidth() + " -> " + encoder.width() + ")");
    }
  }

  /** This model with the generator's forward pass computed by {@code f} (e.g. ONNX Runtime). */
  public CtganModel withForward(GeneratorForward f) {
    return new CtganModel(encoder, generator, noiseWidth, summary, f);
  }

  public TableEncoder encoder() {
    return encoder;
  }

  public FoldedGenerator generator() {
    return generator;
  }

  public int noiseWidth() {
    return noiseWidth;
  }

  public TrainingSummary summary() {
    return summary;
  }

  /**
   * Samples {@code rows} synthetic records of the output schema. The rows depend only on the
   * model, {@code seed} and {@code conditions}.
   *
   * @param conditions categorical column name to value text ({@code stroke=1}); every returned row
   *     has these values; empty for the training distribution
   * @throws IllegalArgumentException naming an unknown column or value in {@code conditions}
   */
  public List<GenericRecord> sample(int rows, long seed, Map<String, String> conditions) {
    List<GenericRecord> out = new ArrayList<>(rows);
    sampleEncoded(rows, seed, conditions, (encoded, offset) -> out.add(encoder.decode(encoded, offset)));
    return out;
  }

  /** Receives accepted encoded rows (one-hot spans already drawn). */
  @FunctionalInterface
  public interface EncodedRowSink {
    void accept(float[] rows, int offset);
  }

  /** Like {@link #sample} but hands out encoded rows, for callers that decode themselves. */
  public void sampleEncoded(int rows, long seed, Map<String, String> conditionText,
      EncodedRowSink sink) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    int[][] wanted = resolve(conditionText);
    Rng rng = new Rng(seed);
    int width = encoder.width();
    int condWidth = encoder.conditionWidth();
    int inWidth = noiseWidth + condWidth;
    float[] input = new float[SAMPLE_BATCH * inWidth];
    float[] cond = new float[SAMPLE_BATCH * condWidth];
    float[] activated = new float[SAMPLE_BATCH * width];
    long generated = 0;
    int accepted = 0;
    while (accepted < rows) {
      fillInput(input, cond, wanted, rng);
      float[] raw = forward.forward(input, SAMPLE_BATCH);
      heads.sample(raw, activated, SAMPLE_BATCH, width, rng);
      generated += SAMPLE_BATCH;
      for (int r = 0; r < SAMPLE_BATCH && accepted < rows; r++) {
        if (matches(activated, r * width, wanted)) {
          sink.accept(activated, r * width);
          accepted++;
        }
      }
      if (wanted.length > 0 && generated >= 100L * SAMPLE_BATCH
          && accepted < MIN_ACCEPTANCE * generated) {
        throw new IllegalStateException("only " + accepted + " of " + generated
            + " generated rows match the conditions " + conditionText
            + "; the model rarely produces them");
      }
    }
  }

  /** Resolves conditions to (discrete column index, category) pairs. */
  private int[][] resolve(Map<String, String> conditionText) {
    List<DiscreteColumn> columns = encoder.discreteColumns();
    int[][] out = new int[conditionText.size()][];
    int i = 0;
    for (Map.Entry<String, String> e : new java.util.TreeMap<>(conditionText).entrySet()) {
      int category = encoder.categoryIndex(e.getKey(), e.getValue());
      int j = 0;
      while (!columns.get(j).name().equals(e.getKey())) {
        j++;
      }
      out[i++] = new int[] {j, category};
    }
    return out;
  }

  private void fillInput(float[] input, float[] cond, int[][] wanted, Rng rng) {
    int condWidth = encoder.conditionWidth();
    int inWidth = noiseWidth + condWidth;
    if (condWidth > 0) {
      if (wanted.length == 0) {
        conditions.sampleOriginal(cond, SAMPLE_BATCH, rng);
      } else {
        // The generator was trained with one conditioned column per row: condition on the first.
        java.util.Arrays.fill(cond, 0f);
        DiscreteColumn col = encoder.discreteColumns().get(wanted[0][0]);
        for (int r = 0; r < SAMPLE_BATCH; r++) {
          cond[r * condWidth + col.conditionOffset() + wanted[0][1]] = 1f;
        }
      }
    }
    for (int r = 0; r < SAMPLE_BATCH; r++) {
      rng.fillGaussian(input, r * inWidth, noiseWidth);
      System.arraycopy(cond, r * condWidth, input, r * inWidth + noiseWidth, condWidth);
    }
  }

  private boolean matches(float[] activated, int offset, int[][] wanted) {
    for (int[] w : wanted) {
      DiscreteColumn col = encoder.discreteColumns().get(w[0]);
      if (activated[offset + col.spanOffset() + w[1]] != 1f) {
        return false;
      }
    }
    return true;
  }
}
