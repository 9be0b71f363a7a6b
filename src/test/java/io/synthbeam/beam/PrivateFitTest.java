package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.bundle.ModelBundle;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.gan.ctgan.PrivacyAccount;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
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

  /** One epoch of 4 steps on 800 rows, one thread (the fits run side by side). */
  static final CtganOptions QUICK = CtganOptions.defaults().withEpochs(1).withBatchSize(200)
      .withThreads(1);

  @TempDir Path dir;

  @Test
  void fitTableModelRecordsTheGuaranteeOnlyForAPrivateFit() throws IOException {
    Path privateModel = dir.resolve("private.zip");
    Path plainModel = dir.resolve("plain.zip");
    Pipeline p = TestPipelines.direct();
    PCollection<GenericRecord> claims = SynthesizeTableGatesTest.rows(p, "Claims", 800, 11);
    claims.apply("FitPrivate", FitTableModel.to(privateModel.toString()).withCtganOptions(QUICK)
        .withDifferentialPrivacy(DP));
    claims.apply("FitPlain", FitTableModel.to(plainModel.toString()).withCtganOptions(QUICK));
    TestPipelines.run(p);

    assertGuarantee(ModelBundle.load(privateModel).summary().privacy(), 800,
        SmallTable.SCHEMA.getFields().size());
    assertNull(ModelBundle.load(plainModel).summary().privacy());
    assertNull(ModelBundle.fromBytes(withoutPrivacyKey(Files.readAllBytes(plainModel)),
        "a bundle from before DP").summary().privacy(), "old bundles still load");
  }

  /** The bundle as SynthBeam wrote it before summaries had a privacy field. */
  private static byte[] withoutPrivacyKey(byte[] bundle) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bundle))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        entries.put(e.getName(), zip.readAllBytes());
      }
    }
    ObjectNode summary = (ObjectNode) json.readTree(entries.get("training.json"));
    assertTrue(summary.has("privacy"));
    summary.remove("privacy");
    entries.put("training.json", json.writeValueAsBytes(summary));
    ObjectNode manifest = (ObjectNode) json.readTree(entries.get("manifest.json"));
    ((ObjectNode) manifest.get("sha256")).put("training.json", sha256(entries.get(
        "training.json")));
    entries.put("manifest.json", json.writeValueAsBytes(manifest));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        zip.putNextEntry(new ZipEntry(e.getKey()));
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
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
