package io.synthbeam.bench;

import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.table.EncodingOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Quality benchmark driver: fits a model with trainer options given as {@code key=value}
 * arguments, samples as many rows as the input and writes them (for judge.py or validate).
 *
 * <pre>
 * java ... io.synthbeam.bench.FitAndSample input=examples/adult/train.csv.gz out=/tmp/syn.csv \
 *     epochs=300 seed=1 average=0.9995 dropout=0.25 gwidths=256,256
 * </pre>
 */
public final class FitAndSample {
  private FitAndSample() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> a = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      a.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    // Only what is given overrides the trainer's defaults.
    CtganOptions o = CtganOptions.defaults();
    if (a.containsKey("epochs")) {
      o = o.withEpochs(Integer.parseInt(a.get("epochs")));
    }
    if (a.containsKey("seed")) {
      o = o.withSeed(Long.parseLong(a.get("seed")));
    }
    if (a.containsKey("batch")) {
      o = o.withBatchSize(Integer.parseInt(a.get("batch")));
    }
    if (a.containsKey("average")) {
      o = o.withGeneratorAverageDecay(Double.parseDouble(a.get("average")));
    }
    if (a.containsKey("reuse")) {
      o = o.withReuseFakeBatch(Boolean.parseBoolean(a.get("reuse")));
    }
    if (a.containsKey("lrG") || a.containsKey("lrD")) {
      o = o.withLearningRates(Double.parseDouble(a.getOrDefault("lrG", "2e-4")),
          Double.parseDouble(a.getOrDefault("lrD", "2e-4")));
    }
    if (a.containsKey("dropout")) {
      o = o.withCriticDropout(Double.parseDouble(a.get("dropout")));
    }
    if (a.containsKey("pac")) {
      o = o.withPac(Integer.parseInt(a.get("pac")));
    }
    if (a.containsKey("epsilon")) {
      o = o.withDifferentialPrivacy(
          io.synthbeam.gan.ctgan.DifferentialPrivacy.epsilon(Double.parseDouble(a.get("epsilon"))));
    }
    if (a.containsKey("gwidths")) {
      o = o.withGeneratorWidths(java.util.Arrays.stream(a.get("gwidths").split(","))
          .mapToInt(Integer::parseInt).toArray());
    }
    if (a.containsKey("cwidths")) {
      String[] w = a.get("cwidths").split(",");
      o = o.withCriticWidths(Integer.parseInt(w[0]), Integer.parseInt(w[1]));
    }
    if (a.containsKey("tau")) {
      o = o.withGumbelTemperature(Double.parseDouble(a.get("tau")));
    }
    if (a.containsKey("threads")) {
      o = o.withThreads(Integer.parseInt(a.get("threads")));
    }
    Table table = TableFiles.read(Path.of(a.get("input")));
    System.err.println("options " + o);
    long t0 = System.nanoTime();
    CtganModel model = new CtganTrainer(o).fit(table.schema(), table.records(),
        EncodingOptions.defaults(), s -> System.err.printf(Locale.ROOT,
            "epoch %d/%d critic %.3f generator %.3f %.2f s/epoch%n", s.epoch(), s.epochs(),
            s.criticLoss(), s.generatorLoss(), s.seconds()));
    double secs = (System.nanoTime() - t0) / 1e9;
    int rows = Integer.parseInt(a.getOrDefault("rows", String.valueOf(table.records().size())));
    List<GenericRecord> syn = model.sample(rows, o.seed(), Map.of());
    TableFiles.write(Path.of(a.get("out")), model.encoder().spec().outputSchema(), syn);
    System.err.printf(Locale.ROOT, "fit %.1f s (%.2f s/epoch)%n", secs, secs / o.epochs());
    if (model.summary().privacy() != null) {
      System.err.println(model.summary().privacy().summary());
    }
  }
}
