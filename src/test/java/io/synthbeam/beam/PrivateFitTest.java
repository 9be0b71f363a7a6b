package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.avro.generic.GenericRecord;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.values.PCollection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Differentially private fits through the Beam transforms: the bundle records the guarantee. */
class PrivateFitTest {
  static final double EPSILON = 3;
  /** A given noise seed keeps the test reproducible (real fits draw a secret one). */
  static final DifferentialPrivacy DP = DifferentialPrivacy.epsilon(EPSILON)
      .withNoiseSeed(5);

  @TempDir Path dir;

  @Test
  void fitTableModelRecordsTheGuaranteeOnlyForAPrivateFit() throws IOException {
    Path privateModel = dir.resolve("private.zip");
    Path plainModel = dir.resolve("plain.zip");
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> claims = SynthesizeTableGatesTest.rows(p, "Claims", 800, 11);
    claims.apply("FitPrivate", FitTableModel.to(privateModel.toString()).withEpochs(1)
        .withBatchSize(200).withDifferentialPrivacy(DP));
    claims.apply("FitPlain", FitTableModel.to(plainModel.toString()).withEpochs(1)
        .withBatchSize(200));
    TestPipelines.run(p);

    assertGuarantee(ModelBundle.load(privateModel).summary().privacy(), 800,
        SmallTable.SCHEMA.getFields().size());
    assertNull(ModelBundle.load(plainModel).summary().privacy());
  }

  /** The guarantee of a one-epoch fit at batch 200 on {@code rows} rows, within {@link #DP}. */
  static void assertGuarantee(PrivacyAccount account, int rows, int columns) {
    assertNotNull(account, "a private fit records its guarantee");
    assertTrue(account.epsilon() > 0 && account.epsilon() <= EPSILON, account.summary());
    assertEquals(DifferentialPrivacy.DEFAULT_DELTA, account.delta());
    assertEquals(rows / 200, account.training().steps(), account.summary());
    assertEquals(200.0 / rows, account.training().samplingRate(), 1e-12);
    assertTrue(account.training().noiseMultiplier() > 0);
    assertEquals(DifferentialPrivacy.DEFAULT_CLIP_NORM, account.training().clipNorm());
    assertTrue(account.preprocessing().epsilon() > 0
        && account.preprocessing().epsilon() < account.epsilon(), account.summary());
    assertEquals(columns, account.columns().size(), account.columns().toString());
  }

  static PrivacyAccount privacy(byte[] bundle) {
    try {
      return ModelBundle.fromBytes(bundle, "bundle").summary().privacy();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
