package io.synthbeam.beam;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.synthbeam.io.TableFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.beam.sdk.Pipeline;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transforms on the FlinkRunner with Flink's embedded cluster ({@code --flinkMaster=[local]},
 * parallelism 2), compared with the DirectRunner. One class so the Flink cases share a JVM.
 */
class FlinkRunnerTest {
  @TempDir Path dir;

  @Test
  void parquetInSyntheticParquetOutTheSameOnBothRunners() throws IOException {
    Path input = SmallTable.writeParquet(dir);
    Path onDirect = dir.resolve("direct/synthetic.parquet");
    Pipeline direct = TestPipelines.direct();
    SynthesisChecks.buildParquetToParquet(direct, input, onDirect);
    TestPipelines.run(direct);
    SynthesisChecks.check(onDirect);

    Path onFlink = dir.resolve("flink/synthetic.parquet");
    Pipeline flink = TestPipelines.flink();
    SynthesisChecks.buildParquetToParquet(flink, input, onFlink);
    TestPipelines.run(flink);
    SynthesisChecks.check(onFlink);

    assertEquals(sortedRows(onDirect), sortedRows(onFlink),
        "fit and sampling depend on the data and the seed only");
  }

  private static List<String> sortedRows(Path file) throws IOException {
    return TableFiles.read(file).records().stream().map(Object::toString).sorted().toList();
  }

  @Test
  void sampleTableGivesTheSameRowsOnFlinkAsOnTheDirectRunner() {
    String bundle = SharedModel.bundle().toString();
    Pipeline direct = TestPipelines.direct();
    String onDirect = TestPipelines.collect(direct.apply(SampleTable.from(bundle)
        .withRows(900).withSeed(21).withRowsPerShard(200)));
    TestPipelines.run(direct);

    Pipeline flink = TestPipelines.flink();
    String onFlink = TestPipelines.collect(flink.apply(SampleTable.from(bundle)
        .withRows(900).withSeed(21).withRowsPerShard(200)));
    TestPipelines.run(flink);

    List<String> rows = TestPipelines.jsonSorted(onDirect);
    assertEquals(900, rows.size());
    assertEquals(rows, TestPipelines.jsonSorted(onFlink));
  }
}
