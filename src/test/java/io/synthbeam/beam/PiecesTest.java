package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.gan.ctgan.EpochStats;
import io.synthbeam.onnx.ExecutionDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.util.Utf8;
import org.apache.beam.sdk.util.CoderUtils;
import org.apache.beam.sdk.transforms.display.DisplayData;
import org.junit.jupiter.api.Test;

/** The small parts of the transforms, without a pipeline. */
class PiecesTest {

  @Test
  void epochLineHasTheAgreedShape() {
    assertEquals("epoch 12/300  critic -0.53  generator 1.21  1.9 s/epoch  ETA 9m 12s",
        TrainModel.EpochLog.line(new EpochStats(12, 300, -0.53, 1.21, 1.9, 552)));
    assertEquals("epoch 3/3  critic 1.00  generator 2.00  0.4 s/epoch  ETA 0s",
        TrainModel.EpochLog.line(new EpochStats(3, 3, 1, 2, 0.4, 0)));
  }

  @Test
  void rowPriorityDependsOnTheContentAndTheSeedOnly() {
    GenericRecord a = SmallTable.records(1, 1).get(0);
    GenericData.Record sameWithUtf8 = new GenericData.Record(SmallTable.SCHEMA);
    for (int i = 0; i < SmallTable.SCHEMA.getFields().size(); i++) {
      Object v = a.get(i);
      sameWithUtf8.put(i, v instanceof String s ? new Utf8(s) : v);
    }
    RowPriority seven = new RowPriority(SmallTable.SCHEMA, 7);
    assertEquals(seven.of(a), new RowPriority(SmallTable.SCHEMA, 7).of(sameWithUtf8));
    assertNotEquals(seven.of(a), new RowPriority(SmallTable.SCHEMA, 8).of(a));

    Set<Long> priorities = new HashSet<>();
    for (GenericRecord r : SmallTable.records()) {
      priorities.add(seven.of(r));
    }
    assertTrue(priorities.size() > 1_990, "distinct rows, distinct priorities");
  }

  @Test
  void shardSeedsDifferByShardAndByClass() {
    Set<Long> seeds = new HashSet<>();
    for (long shard = 0; shard < 1_000; shard++) {
      seeds.add(ShardSeeds.shardSeed(1, shard));
      seeds.add(ShardSeeds.shardSeed(2, shard));
    }
    assertEquals(2_000, seeds.size());
    assertNotEquals(ShardSeeds.classSeed(1, "fraud"), ShardSeeds.classSeed(1, "ok"));
    assertEquals(ShardSeeds.classSeed(1, "fraud"), ShardSeeds.classSeed(1, "fraud"));
  }

  @Test
  void encodedRowsCodeAndOrderSmallestPriorityFirst() throws Exception {
    EncodedRow row = new EncodedRow(-5, new float[] {1f, -0.5f, 0f});
    byte[] bytes = CoderUtils.encodeToByteArray(EncodedRow.RowCoder.of(), row);
    assertEquals(row, CoderUtils.decodeFromByteArray(EncodedRow.RowCoder.of(), bytes));
    assertArrayEquals(bytes, CoderUtils.encodeToByteArray(EncodedRow.RowCoder.of(),
        new EncodedRow(-5, new float[] {1f, -0.5f, 0f})), "deterministic");

    List<EncodedRow> rows = new ArrayList<>(List.of(new EncodedRow(3, new float[] {1}),
        new EncodedRow(-1, new float[] {2}), new EncodedRow(3, new float[] {0})));
    rows.sort(new EncodedRow.SmallestPriorityFirst().reversed());
    assertEquals(List.of(-1L, 3L, 3L), rows.stream().map(EncodedRow::priority).toList());
  }

  @Test
  void theModelCacheLoadsABundleOncePerJvmAndClosesItWithTheLastUser() throws IOException {
    byte[] bundle = Files.readAllBytes(SharedModel.bundle());
    int before = ModelCache.loadedModels();
    ModelCache.Lease first = ModelCache.acquire(bundle, "b", ExecutionDevice.CPU);
    ModelCache.Lease second = ModelCache.acquire(bundle.clone(), "b", ExecutionDevice.CPU);
    assertSame(first.model(), second.model(), "one load for equal bytes");
    assertEquals(before + 1, ModelCache.loadedModels());
    first.release();
    first.release(); // a second release of one lease is ignored
    assertEquals(before + 1, ModelCache.loadedModels());
    second.release();
    assertEquals(before, ModelCache.loadedModels());
  }

  @Test
  void transformsDescribeTheirOptions() {
    DisplayData data = DisplayData.from(SynthesizeTable.create().withEpochs(9).withRows(5)
        .withExcludedColumns("id"));
    assertTrue(data.items().stream().anyMatch(i -> i.getKey().equals("epochs")
        && i.getValue().equals(9L)), data.toString());
    assertTrue(data.items().stream().anyMatch(i -> i.getKey().equals("excludedColumns")
        && i.getValue().equals("id")), data.toString());
    DisplayData rebalance = DisplayData.from(RebalanceTable.of("label").withShare("fraud", 0.3));
    assertTrue(rebalance.toString().contains("fraud=0.3"), rebalance.toString());
  }
}
