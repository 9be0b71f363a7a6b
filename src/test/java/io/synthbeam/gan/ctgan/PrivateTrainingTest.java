package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.privacy.DpSpend;
import io.synthbeam.privacy.accounting.RdpAccountant;
import io.synthbeam.table.EncodingOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** DP-SGD fits: the budget is calibrated, spent as planned or stopped at, and recorded. */
class PrivateTrainingTest {
  private static final Schema SCHEMA = SchemaBuilder.record("t").fields()
      .requiredString("group").requiredDouble("x").endRecord();

  private static List<GenericRecord> rows(int n) {
    Random rnd = new Random(4);
    List<GenericRecord> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      GenericRecord r = new GenericData.Record(SCHEMA);
      int g = rnd.nextInt(3);
      r.put("group", "g" + g);
      r.put("x", rnd.nextGaussian() + 2 * g);
      out.add(r);
    }
    return out;
  }

  private static CtganModel fit(CtganOptions o) {
    return new CtganTrainer(o).fit(SCHEMA, rows(1000), EncodingOptions.defaults(),
        TrainingListener.NONE);
  }

  @Test
  void calibratedNoiseSpendsTheBudget() {
    CtganOptions o = CtganOptions.defaults().withEpochs(3).withBatchSize(100).withSeed(2)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(3));
    CtganModel model = fit(o);
    DpSpend spend = model.summary().differentialPrivacy();
    assertNotNull(spend);
    assertEquals(30, spend.steps());
    assertEquals(0.1, spend.samplingRate(), 1e-12);
    assertEquals(1.0, spend.clipNorm(), 0);
    assertTrue(spend.epsilon() <= 3.0 + 1e-9, "spent " + spend.epsilon());
    assertTrue(spend.epsilon() > 2.9, "calibrated to the budget: " + spend.epsilon());
    assertEquals(1000, model.sample(1000, 1L, Map.of()).size());
  }

  @Test
  void givenNoiseStopsTrainingWhenTheBudgetIsSpent() {
    double sigma = 0.8;
    long allowed = RdpAccountant.maxSteps(0.1, sigma, 2.0, 1e-5);
    assertTrue(allowed < 50, "the test needs a budget shorter than the plan: " + allowed);
    CtganOptions o = CtganOptions.defaults().withEpochs(5).withBatchSize(100).withSeed(2)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(2.0).withNoiseMultiplier(sigma));
    CtganModel model = fit(o);
    DpSpend spend = model.summary().differentialPrivacy();
    assertEquals(allowed, spend.steps());
    assertTrue(spend.epsilon() <= 2.0, "spent " + spend.epsilon());
  }

  @Test
  void privateFitsPackOneRowAndNonPrivateFitsRecordNoSpend() {
    CtganOptions o = CtganOptions.defaults().withEpochs(1).withBatchSize(50)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(1));
    assertEquals(1, o.pac());
    assertThrows(IllegalArgumentException.class,
        () -> new CtganTrainer(o.withPac(10)).fit(SCHEMA, rows(100), EncodingOptions.defaults(),
            TrainingListener.NONE));
    assertNull(fit(CtganOptions.defaults().withEpochs(1).withBatchSize(100))
        .summary().differentialPrivacy());
  }

  @Test
  void sameSeedSamePrivateModel() {
    CtganOptions o = CtganOptions.defaults().withEpochs(1).withBatchSize(100).withSeed(6)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(5));
    assertEquals(fit(o).sample(30, 3L, Map.of()), fit(o).sample(30, 3L, Map.of()));
  }
}
