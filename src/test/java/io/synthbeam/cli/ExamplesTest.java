package io.synthbeam.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java programs under examples/java compile against SynthBeam and run: SynthesizeParquet on a
 * small Parquet file, SimulatedTables writing exactly the committed example tables.
 */
class ExamplesTest {
  private static final Path SOURCES = Path.of("examples/java");

  @TempDir static Path classes;
  private static ClassLoader loader;

  @BeforeAll
  static void compile() throws IOException {
    List<String> files;
    try (Stream<Path> walk = Files.walk(SOURCES)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
    }
    // Surefire passes the test classpath in this property (java.class.path may be its booter).
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream messages = new ByteArrayOutputStream();
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath,
        "-proc:none"));
    args.addAll(files);
    int code = javac.run(null, messages, messages, args.toArray(String[]::new));
    assertEquals(0, code, "javac: " + messages.toString(StandardCharsets.UTF_8));
    loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
        ExamplesTest.class.getClassLoader());
  }

  private static void main(String className, String... args) throws Exception {
    Method main = loader.loadClass(className).getMethod("main", String[].class);
    main.invoke(null, (Object) args);
  }

  @Test
  void synthesizeParquetReadsSynthesizesAndWritesParquet(@TempDir Path dir) throws Exception {
    Schema schema = new Schema.Parser().parse("""
        {"type": "record", "name": "visit", "fields": [
          {"name": "age", "type": "int"}, {"name": "ward", "type": "string"}]}""");
    Random random = new Random(5);
    List<GenericRecord> rows = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      GenericData.Record r = new GenericData.Record(schema);
      r.put("age", 20 + random.nextInt(60));
      r.put("ward", random.nextBoolean() ? "A" : "B");
      rows.add(r);
    }
    Path input = dir.resolve("visits.parquet");
    TableFiles.write(input, schema, rows);
    Path output = dir.resolve("out" + File.separator + "synthetic.parquet");

    main("io.synthbeam.examples.SynthesizeParquet", input.toString(), output.toString(), "1");

    Table synthetic = TableFiles.read(output);
    assertEquals(200, synthetic.records().size());
    for (GenericRecord r : synthetic.records()) {
      assertTrue(r.get("ward").toString().matches("A|B"), r.toString());
    }
  }

  @Test
  void simulatedTablesAreTheCommittedOnes(@TempDir Path dir) throws Exception {
    main("io.synthbeam.examples.SimulatedTables", dir.toString());
    for (String table : List.of("patients/train.csv.gz", "patients/holdout.csv.gz",
        "transactions/train.csv.gz", "transactions/holdout.csv.gz")) {
      assertArrayEquals(Files.readAllBytes(Path.of("examples", table)),
          Files.readAllBytes(dir.resolve(table)), table + " is the generator's output");
    }
    assertNull(TableFiles.read(dir.resolve("patients/train.csv.gz")).records().get(0)
        .getSchema().getField("nothing"));
  }
}
