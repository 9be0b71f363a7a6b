package io.synthbeam.gan.ctgan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
    PrivacyAccount account = model.summary().privacy();
    assertNotNull(account);
    DpSpend spend = account.training();
    assertEquals(30, spend.steps());
    assertEquals(0.1, spend.samplingRate(), 1e-12);
    assertEquals(1.0, spend.clipNorm(), 0);
    // 10% of epsilon went to the encoder's statistics, the rest to DP-SGD; in total no more.
    assertEquals(0.3, account.preprocessing().epsilon(), 1e-6);
    assertTrue(account.epsilon() <= 3.0 + 1e-9, "spent " + account.epsilon());
    assertEquals(3.0, account.epsilon(), 0.01, "calibrated to the whole budget");
    assertEquals(1e-5, account.delta(), 0);
    assertEquals(2, account.columns().size());
    assertTrue(account.summary().contains("DP-SGD"), account.summary());
    assertEquals(1000, model.sample(1000, 1L, Map.of()).size());
  }

  @Test
  void givenNoiseStopsTrainingWhenTheBudgetIsSpent() {
    double sigma = 0.8;
    CtganOptions o = CtganOptions.defaults().withEpochs(5).withBatchSize(100).withSeed(2)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(2.0).withNoiseMultiplier(sigma));
    PrivacyAccount account = fit(o).summary().privacy();
    long steps = account.training().steps();
    assertTrue(steps < 50, "the budget ran out before the 50 planned steps: " + steps);
    assertTrue(account.epsilon() <= 2.0, "spent " + account.epsilon());
    // One more step would have gone over.
    double next = account.preprocessing().guaranteeWith(
        RdpAccountant.create().compose(0.1, sigma, steps + 1), 1e-5).epsilon();
    assertTrue(next > 2.0, "a further step would spend " + next);
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
        .summary().privacy());
  }

  @Test
  void aGivenNoiseSeedReproducesAPrivateFitAndOtherwiseTheNoiseIsFresh() {
    CtganOptions o = CtganOptions.defaults().withEpochs(1).withBatchSize(100).withSeed(6)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(5));
    CtganOptions seeded = o.withDifferentialPrivacy(o.differentialPrivacy().withNoiseSeed(42));
    assertEquals(fit(seeded).sample(30, 3L, Map.of()), fit(seeded).sample(30, 3L, Map.of()));
    assertNotEquals(fit(o).sample(30, 3L, Map.of()), fit(o).sample(30, 3L, Map.of()));
  }

  @Test
  void aNonPrivateEncoderIsRefusedUnderDifferentialPrivacy() {
    List<GenericRecord> rows = rows(200);
    io.synthbeam.table.TableEncoder encoder = new io.synthbeam.table.TableEncoderFitter(
        io.synthbeam.table.TableSpec.fromSchema(SCHEMA, EncodingOptions.defaults()),
        EncodingOptions.defaults()).fit(rows);
    CtganOptions o = CtganOptions.defaults().withEpochs(1).withBatchSize(50)
        .withDifferentialPrivacy(DifferentialPrivacy.epsilon(1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new CtganTrainer(o).fit(encoder, encoder.encodeAll(rows, 1L),
            TrainingListener.NONE));
    assertTrue(e.getMessage().contains("withPrivacy"), e.getMessage());
  }
}
