package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.nn.Parameter;
import io.synthbeam.nn.Rng;
import io.synthbeam.table.EncodedTable;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.table.TableEncoder;
import io.synthbeam.table.TableEncoderFitter;
import io.synthbeam.table.TableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/**
 * The whole generator step, end to end: generator, output heads (tanh and Gumbel-softmax), the
 * critic's score of [fake, condition] packs and the condition cross-entropy. Its gradient with
 * respect to every generator weight is compared with central differences of the same loss, with
 * every random draw (noise, conditions, Gumbel noise, dropout) replayed from the same seeds.
 */
class GeneratorPathGradientTest {

  private static List<GenericRecord> table(Schema schema) {
    Random rnd = new Random(1);
    String[] groups = {"a", "b", "c"};
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      GenericRecord r = new GenericData.Record(schema);
      int g = rnd.nextInt(3);
      r.put("group", groups[g]);
      r.put("x", rnd.nextGaussian() + 3 * g);
      r.put("flag", rnd.nextBoolean());
      rows.add(r);
    }
    return rows;
  }

  private static double loss(TrainingLoop loop) {
    loop.reseed(new Rng(99));
    loop.generateFakeBatch();
    return loop.generatorLossAndGradients();
  }

  @Test
  void generatorStepGradientMatchesFiniteDifferences() {
    Schema schema = SchemaBuilder.record("t").fields().requiredString("group")
        .requiredDouble("x").requiredBoolean("flag").endRecord();
    List<GenericRecord> rows = table(schema);
    EncodingOptions enc = EncodingOptions.defaults();
    TableEncoder encoder = new TableEncoderFitter(TableSpec.fromSchema(schema, enc), enc).fit(rows);
    EncodedTable data = encoder.encodeAll(rows, 1L);
    CtganOptions options = CtganOptions.defaults().withBatchSize(8).withPac(2).withNoiseWidth(4)
        .withGeneratorWidths(6, 5).withCriticWidths(7, 6).withSeed(5);
    TrainingLoop loop = new TrainingLoop(options, encoder, data);

    List<Parameter> params = loop.generator.parameters();
    for (Parameter p : params) {
      p.zeroGrad();
    }
    loss(loop);
    List<float[]> analytic = new ArrayList<>();
    for (Parameter p : params) {
      analytic.add(p.grad.data.clone());
    }

    float h = 1e-3f;
    double dot = 0;
    double normA = 0;
    double normN = 0;
    int bad = 0;
    int total = 0;
    for (int pi = 0; pi < params.size(); pi++) {
      float[] w = params.get(pi).value.data;
      for (int j = 0; j < w.length; j++) {
        float keep = w[j];
        w[j] = keep + h;
        double plus = loss(loop);
        w[j] = keep - h;
        double minus = loss(loop);
        w[j] = keep;
        double num = (plus - minus) / (2 * h);
        double ana = analytic.get(pi)[j];
        dot += num * ana;
        normA += ana * ana;
        normN += num * num;
        if (Math.abs(num - ana) > 5e-3 + 0.05 * Math.abs(num)) {
          bad++;
        }
        total++;
      }
    }
    double cosine = dot / Math.sqrt(normA * normN);
    // A few elements may sit on a ReLU kink within h; the direction and size must agree.
    assertTrue(cosine > 0.999, "cosine " + cosine);
    assertTrue(Math.abs(Math.sqrt(normN / normA) - 1) < 0.01, "norm ratio " + Math.sqrt(normN / normA));
    assertTrue(bad <= total / 100, bad + " of " + total + " elements off");
  }
}
