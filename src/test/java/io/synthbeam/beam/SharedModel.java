package io.synthbeam.beam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.beam.sdk.Pipeline;
import org.apache.beam.sdk.extensions.avro.coders.AvroCoder;
import org.apache.beam.sdk.transforms.Create;

/**
 * One model bundle fitted with {@link FitTableModel} on the DirectRunner (3 epochs on
 * {@link SmallTable}), shared by the test classes of this JVM so the fit runs once.
 */
final class SharedModel {
  static final int EPOCHS = 3;
  static final int BATCH = 200;
  private static Path bundle;

  private SharedModel() {}

  static synchronized Path bundle() {
    if (bundle == null) {
      try {
        Path dir = Files.createTempDirectory("synthbeam-shared-model");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
        Path path = dir.resolve("claims.zip");
        Pipeline p = TestPipelines.direct();
        p.apply(Create.of(SmallTable.records()).withCoder(AvroCoder.of(SmallTable.SCHEMA)))
            .apply(FitTableModel.to(path.toString()).withEpochs(EPOCHS).withBatchSize(BATCH)
                .withSeed(5));
        TestPipelines.run(p);
        bundle = path;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return bundle;
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // a temporary folder: the OS cleans it up eventually
    }
  }
}
