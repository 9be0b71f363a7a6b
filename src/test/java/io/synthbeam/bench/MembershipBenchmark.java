package io.synthbeam.bench;

import io.synthbeam.gan.ctgan.CtganModel;
import io.synthbeam.gan.ctgan.CtganOptions;
import io.synthbeam.gan.ctgan.CtganTrainer;
import io.synthbeam.gan.ctgan.DifferentialPrivacy;
import io.synthbeam.io.Table;
import io.synthbeam.io.TableFiles;
import io.synthbeam.table.ColumnDeclaration;
import io.synthbeam.table.EncodingOptions;
import io.synthbeam.validation.FrameSet;
import io.synthbeam.validation.ValidationColumns;
import io.synthbeam.validation.privacy.PrivacyMetrics;
import io.synthbeam.validation.privacy.PrivacyReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * Membership inference on a small table trained to overfit: {@code members} training rows,
 * as many held-out non-members, a model trained for many epochs with and without DP-SGD, and the
 * distance-based membership AUC (a member is guessed when it lies close to a synthetic row).
 *
 * <pre>
 * java ... io.synthbeam.bench.MembershipBenchmark TABLE ROWS EPOCHS EPSILON [CRITIC_DROPOUT [SPLIT]]
 * java ... io.synthbeam.bench.MembershipBenchmark examples/adult/train.csv.gz 100 3000 1.0 0
 * </pre>
 *
 * <p>{@code SPLIT} (default 1) seeds the draw of members and non-members, so repeated runs on
 * other splits show how much the AUC of 2 x ROWS rows varies.
 *
 * <p>The private fit is given the whole table's category lists and value ranges as schema
 * declarations (public knowledge about the domain, as a user would declare it): a few hundred
 * rows are too few for the private encoder to release them from noisy counts at small epsilon.
 */
public final class MembershipBenchmark {
  private MembershipBenchmark() {}

  public static void main(String[] args) throws Exception {
    Table table = TableFiles.read(Path.of(args[0]));
    int n = Integer.parseInt(args[1]);
    int epochs = Integer.parseInt(args[2]);
    double epsilon = Double.parseDouble(args[3]);
    double dropout = args.length > 4 ? Double.parseDouble(args[4]) : 0.5;
    long split = args.length > 5 ? Long.parseLong(args[5]) : 1;
    List<GenericRecord> rows = new ArrayList<>(table.records());
    Collections.shuffle(rows, new Random(split));
    List<GenericRecord> members = rows.subList(0, n);
    List<GenericRecord> others = rows.subList(n, 2 * n);
    ValidationColumns columns = ValidationColumns.fromSchema(table.schema(), Map.of(), "class");

    CtganOptions base = CtganOptions.defaults().withEpochs(epochs).withBatchSize(50).withSeed(1)
        .withCriticDropout(dropout);
    for (CtganOptions o : List.of(base,
        base.withDifferentialPrivacy(DifferentialPrivacy.epsilon(epsilon)))) {
      long t0 = System.nanoTime();
      Schema schema = o.differentialPrivacy() == null ? table.schema()
          : declaredDomain(table.schema(), table.records());
      CtganModel model = new CtganTrainer(o).fit(schema, members,
          EncodingOptions.defaults(), s -> { });
      List<GenericRecord> synthetic = model.sample(2000, 7L, Map.of());
      PrivacyReport report = PrivacyMetrics.compute(
          FrameSet.of(columns, members, others, synthetic), 0, n, 3L, 2);
      System.out.printf(Locale.ROOT, "%-28s membership AUC %.3f  DCR share %.3f (baseline %.3f)"
              + "  fit %.0f s%s%n",
          o.differentialPrivacy() == null ? "no DP" : "DP epsilon " + epsilon,
          report.membershipAuc(), report.dcrShare(), report.dcrBaseline(),
          (System.nanoTime() - t0) / 1e9,
          model.summary().privacy() == null ? ""
              : "  " + model.summary().privacy().summary());
    }
  }

  /** The schema with each column's categories or range over all {@code rows} declared. */
  static Schema declaredDomain(Schema schema, List<GenericRecord> rows) {
    List<Schema.Field> fields = new ArrayList<>();
    for (Schema.Field f : schema.getFields()) {
      Schema.Field declared = new Schema.Field(f, f.schema());
      Schema.Type type = nonNull(f.schema()).getType();
      if (type == Schema.Type.STRING) {
        declared.addProp(ColumnDeclaration.CATEGORIES, rows.stream().map(r -> r.get(f.name()))
            .filter(java.util.Objects::nonNull).map(Object::toString).distinct().sorted()
            .toList());
      } else if (type == Schema.Type.INT || type == Schema.Type.LONG
          || type == Schema.Type.FLOAT || type == Schema.Type.DOUBLE) {
        java.util.DoubleSummaryStatistics stats = rows.stream().map(r -> r.get(f.name()))
            .filter(java.util.Objects::nonNull).mapToDouble(v -> ((Number) v).doubleValue())
            .summaryStatistics();
        declared.addProp(ColumnDeclaration.RANGE, List.of(stats.getMin(), stats.getMax()));
      }
      fields.add(declared);
    }
    return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false,
        fields);
  }

  private static Schema nonNull(Schema s) {
    return s.getType() != Schema.Type.UNION ? s
        : s.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
            .orElseThrow();
  }
}
